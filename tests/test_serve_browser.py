"""The review page in a real browser (Debian's Chromium through Selenium and chromedriver,
tests/browser.py), the clerk's whole path: upload the draft and three letters, resolve an
unresolved instruction by picking its section, make one instruction a comment, create the
redline, download it, and check the download with pandoc (accept / reject) and openxml-audit;
and a new table row corrected cell by cell.  Buttons are pressed with the keyboard (Enter), as
a person without a mouse would."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import browser
import oracles
from conftest import FIXTURES

browser.require(webdriver=True)  # one line when the browser is absent (a failure under CI)

DRAFT = FIXTURES / "drafts" / "cchc-typed.docx"
LETTERS = [FIXTURES / "letters" / name for name in ("cat.txt", "vpubnd.txt", "stnmt.txt")]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _wait(driver, condition, timeout=30.0, what="the page"):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition, message=f"waiting for {what}")


def _css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _press(element):
    from selenium.webdriver.common.keys import Keys

    element.send_keys(Keys.ENTER)


def _texts(driver, selector):
    """The texts of the elements ``selector`` finds, read in one script call (lists are re-drawn)."""
    return driver.execute_script("return Array.from(document.querySelectorAll(arguments[0])).map("
                                 "(e) => e.textContent)", selector)


def _open(driver, url):
    driver.get(url)
    _wait(driver, lambda d: d.execute_script("return document.body.dataset.ready === 'true'"), what="the script")


def _upload(driver, draft, sources=()) -> None:
    """Drop the draft and the sources on the page and open them, as a clerk does."""
    _css(driver, "#draft").send_keys(str(draft))
    if sources:
        _css(driver, "#letters").send_keys("\n".join(str(p) for p in sources))
    _press(_css(driver, "#open"))


def _state_of(driver, item_selector):
    """An instruction's state, read in one script call (the list is re-drawn after each correction)."""
    return driver.execute_script("const e = document.querySelector(arguments[0]); return e && e.dataset.state",
                                 item_selector)


@pytest.fixture(scope="module")
def site():
    with browser.served({"REDLINE_LANG": "en"}) as (url, app):
        yield url, app


def test_the_clerks_path_in_a_real_browser(site, tmp_path):
    url, app = site
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with browser.webdriver(downloads) as driver:
        _open(driver, url + "?lang=en")
        _upload(driver, DRAFT, LETTERS)
        _wait(driver, lambda d: len(d.find_elements("css selector", "#sources button.source")) == 3, what="letters")
        senders = [b.text.split("\n")[0] for b in driver.find_elements("css selector", "#sources button.source")]
        assert senders == ["Công an tỉnh", "Văn phòng UBND tỉnh", "Sở Tài nguyên và Môi trường"]
        assert "2211/CAT-PC06" in driver.find_elements("css selector", "#sources button.source")[0].text

        # the page fits a 1366x768 laptop screen: no sideways scrolling, the Create button in view
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 1366
        rect = driver.execute_script("return document.getElementById('create').getBoundingClientRect().bottom")
        assert rect <= 768
        # every field has a label, every button a name a screen reader can read
        unlabeled = driver.execute_script("""
            return Array.from(document.querySelectorAll('input, textarea')).filter(
              (e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.id);""")
        assert unlabeled == []
        # each instruction's buttons are described by the instruction they act on
        undescribed = driver.execute_script("""
            return Array.from(document.querySelectorAll('article [data-action]')).filter((b) => {
              const d = document.getElementById(b.getAttribute('aria-describedby') || '');
              return !d || !b.closest('article').contains(d); }).length;""")
        assert undescribed == 0
        nameless = driver.execute_script("""
            return Array.from(document.querySelectorAll('button')).filter(
              (b) => !(b.textContent.trim() || b.getAttribute('aria-label'))).length;""")
        assert nameless == 0

        # 1. Văn phòng UBND tỉnh's n=4 names a topic two sections share: pick II.2 in the picker
        _press(driver.find_elements("css selector", "#sources button.source")[1])
        unresolved = 'article[data-id^="s1-"][data-n="4"]'
        _wait(driver, lambda d: _state_of(d, unresolved) == "unresolved", what="the unresolved instruction")
        card = _css(driver, unresolved)
        assert "II.2" in card.text and "IV.2" in card.text and "ambiguous" in card.text
        _press(card.find_element("css selector", '[data-action="pick"]'))
        _wait(driver, lambda d: d.execute_script("return document.getElementById('picker').open"), what="the picker")
        _css(driver, "#picker-q").send_keys("thủ tục hành chính")
        _wait(driver, lambda d: d.execute_script("return document.getElementById('picker-results').dataset.q")
              == "thủ tục hành chính", what="the search's results")
        assert driver.find_elements("css selector", '#picker-results button[data-address="IV.2"]')
        # Tab from the search field to the first match (II.2, in document order), Enter picks it
        from selenium.webdriver.common.keys import Keys

        _css(driver, "#picker-q").send_keys(Keys.TAB)
        assert driver.switch_to.active_element.get_attribute("data-address") == "II.2"
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        _wait(driver, lambda d: _state_of(d, unresolved) == "apply", what="the instruction to apply")
        card = _css(driver, unresolved)
        assert "II.2" in card.text and card.find_elements("css selector", ".redline ins")
        # focus came back to the card, so the keyboard user goes on from there
        assert driver.execute_script("return document.activeElement.closest('article') !== null")
        # and the outcome is announced in the live status line
        _wait(driver, lambda d: "n=4 · II.2 · Will apply" in d.find_element("css selector", "#status").text,
              what="the announcement")

        # Escape closes the picker and gives the focus back to the button that opened it
        opener = _css(driver, 'article[data-id^="s1-"][data-n="5"] [data-action="pick"]')
        _press(opener)
        _wait(driver, lambda d: d.execute_script("return document.getElementById('picker').open"), what="the picker")
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        _wait(driver, lambda d: not d.execute_script("return document.getElementById('picker').open"), what="closing")
        assert driver.switch_to.active_element.get_attribute("data-action") == "pick"
        assert driver.execute_script("return document.activeElement.closest('article').dataset.n") == "5"

        # 2. Công an tỉnh's first instruction becomes a comment
        _press(driver.find_elements("css selector", "#sources button.source")[0])
        first = 'article[data-id^="s0-"][data-n="1"]'
        _wait(driver, lambda d: _state_of(d, first) == "apply", what="Công an tỉnh's instructions")
        _press(_css(driver, first).find_element("css selector", '[data-action="comment"]'))
        _wait(driver, lambda d: _state_of(d, first) == "comment", what="the comment")

        # 3. create the redline and download it
        create = _css(driver, "#create")
        assert create.is_enabled()
        _press(create)
        link = _wait(driver, lambda d: d.find_elements("css selector", '#downloads a[data-kind="docx"]'),
                     what="the download links")[0]
        name = link.get_attribute("download")
        _press(link)
        out = downloads / name
        _wait(driver, lambda d: out.exists() and not list(downloads.glob("*.crdownload")), what="the download")
        command = _css(driver, "#downloads code").text
        assert command.startswith("redline apply cchc-typed.docx cat.edits.json vpubnd.edits.json")

        # a second tab of the same browser has its own, empty session
        first_tab = driver.current_window_handle
        driver.switch_to.new_window("tab")
        _open(driver, url + "?lang=en")
        assert driver.find_elements("css selector", "#sources button.source") == []
        assert _css(driver, "#create").get_attribute("disabled") is not None
        driver.close()
        driver.switch_to.window(first_tab)
        driver.refresh()  # the first tab, reloaded, still has its letters
        _wait(driver, lambda d: len(d.find_elements("css selector", "#sources button.source")) == 3, what="letters")

    # the downloaded redline, checked by clients we did not write
    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(DRAFT, "reject")
    accepted = "\n".join(oracles.pandoc_paragraphs(out, "accept"))
    assert "Tỷ lệ hồ sơ TTHC được số hóa khi tiếp nhận đạt 45,2%." in accepted  # the resolved n=4
    assert oracles.new_audit_errors(out, DRAFT) == []
    with zipfile.ZipFile(out) as z:
        comments = etree.fromstring(z.read("word/comments.xml"))
    texts = ["".join(c.itertext()) for c in comments.iter(W + "comment")]
    assert any(re.match(r"Công an tỉnh (proposes|đề nghị): ", t) for t in texts)  # the instruction made a comment


REPORT = FIXTURES / "drafts" / "baocao-typed.docx"
REPORT_EDITS = FIXTURES / "edits" / "baocao.json"


def test_a_new_rows_cells_are_edited_on_the_page(site, tmp_path):
    """A new table row is edited cell by cell, each field labelled by its column's header."""
    url, _ = site
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with browser.webdriver(downloads) as driver:
        _open(driver, url + "?lang=en")
        _upload(driver, REPORT, [REPORT_EDITS])
        row = 'article[data-n="4"]'  # insert_after in Biểu số 02: "4 | Huyện Sơn Trà | 743 | 741 | 99,7%"
        _wait(driver, lambda d: _state_of(d, row) == "apply", what="the new row")
        _press(_css(driver, row).find_element("css selector", '[data-action="edit"]'))
        labels = _texts(driver, row + " form.edit-text label")
        assert labels == ["STT", "Đơn vị", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn"]
        # the field under "Đúng hạn": type the new figure there
        field = _css(driver, row + ' input[data-cell="3"]')
        assert field.get_attribute("value") == "741"
        assert driver.execute_script("return arguments[0].labels[0].textContent", field) == "Đúng hạn"
        field.clear()
        field.send_keys("740")
        _press(_css(driver, row).find_element("css selector", '[data-action="save-text"]'))
        _wait(driver, lambda d: "740" in d.execute_script(
            "const e = document.querySelector(arguments[0] + ' .redline'); return e ? e.textContent : ''", row),
            what="the corrected row re-planned")
        assert _state_of(driver, row) == "apply"
        assert "corrected" in _css(driver, row).text
        _press(_css(driver, "#create"))
        link = _wait(driver, lambda d: d.find_elements("css selector", '#downloads a[data-kind="docx"]'),
                     what="the download links")[0]
        name = link.get_attribute("download")
        _press(link)
        out = downloads / name
        _wait(driver, lambda d: out.exists() and not list(downloads.glob("*.crdownload")), what="the download")

    assert oracles.pandoc_paragraphs(out, "reject") == oracles.pandoc_paragraphs(REPORT, "reject")
    accepted = oracles.pandoc_paragraphs(out, "accept")
    at = accepted.index("Huyện Sơn Trà")
    assert accepted[at - 1:at + 4] == ["4", "Huyện Sơn Trà", "743", "740", "99,7%"]
    assert oracles.new_audit_errors(out, REPORT) == []


def test_a_bad_upload_shows_the_message_on_the_page(site, tmp_path):
    url, _ = site
    bad = tmp_path / "bao-cao.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    with browser.webdriver(tmp_path) as driver:
        _open(driver, url + "?lang=en")
        _upload(driver, bad, [LETTERS[0]])
        box = _wait(driver, lambda d: d.find_element("css selector", "#upload-errors").text and
                    d.find_element("css selector", "#upload-errors"), what="the message")
        import redline

        with pytest.raises(redline.DocumentError) as err:
            redline.outline(bad)
        # the command line's message, naming the file as the clerk knows it
        assert box.text.strip() == f"{bad.name}: {bad.name}: {err.value.message}" + (
            f" ({err.value.hint})" if err.value.hint else "")
        assert "Traceback" not in driver.page_source
        assert _css(driver, "#create").get_attribute("disabled") is not None
        # an upload over the limit is refused before it is sent, in the page's words
        big = tmp_path / "huge.docx"
        with open(big, "wb") as f:
            f.truncate(300 * 1024 * 1024)  # a sparse 300 MB file
        _upload(driver, big)
        _wait(driver, lambda d: "huge.docx is 300.0 MB, over the upload limit of 100 MB"
              in d.find_element("css selector", "#upload-errors").text, what="the size message")


def test_the_page_speaks_vietnamese(site, tmp_path):
    url, _ = site
    with browser.webdriver(tmp_path) as driver:
        _open(driver, url + "?lang=vi")
        assert driver.find_element("css selector", "html").get_attribute("lang") == "vi"
        assert _css(driver, "#create").text == "Tạo bản sửa"
        assert _css(driver, 'label[for="draft"]').text == "Dự thảo (.docx)"
        _upload(driver, DRAFT, [LETTERS[1]])
        _wait(driver, lambda d: _state_of(d, 'article[data-n="4"]') == "unresolved", what="the instructions")
        assert "Chưa xác định" in _css(driver, 'article[data-n="4"]').text

        # the outline: one level at a time, opened with the keyboard, and searchable
        toggle = _wait(driver, lambda d: d.find_elements("css selector", "#outline-tree > li:nth-child(2) .toggle"),
                       what="the outline")[0]
        assert toggle.get_attribute("aria-expanded") == "false"
        assert toggle.get_attribute("aria-label") == "Hiện các mục con của II"
        _press(toggle)
        _wait(driver, lambda d: _texts(d, "#outline-tree > li:nth-child(2) ul .addr")[:2] == ["II.1", "II.2"],
              what="part II's sections")
        assert _css(driver, "#outline-tree > li:nth-child(2) .toggle").get_attribute("aria-expanded") == "true"
        _css(driver, "#outline-q").send_keys("6.2")
        _wait(driver, lambda d: "II.6.2" in _texts(d, "#outline-tree .addr"), what="the search")
