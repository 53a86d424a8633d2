"""The progress bar: silent on short runs and when stderr is not a terminal."""
import io

from redline.progress import Progress


def test_silent_before_the_delay():
    out = io.StringIO()
    bar = Progress(True, out, delay=60)
    bar("plan", 1, 10)
    bar.close()
    assert out.getvalue() == ""


def test_shows_after_the_delay_and_ends_the_line():
    out = io.StringIO()
    bar = Progress(True, out, delay=0)
    bar("revise", 5, 10)
    bar.close()
    assert "revise" in out.getvalue() and "5/10" in out.getvalue() and out.getvalue().endswith("\n")


def test_disabled_never_writes():
    out = io.StringIO()
    bar = Progress(False, out, delay=0)
    bar("plan", 10, 10)
    bar.close()
    assert out.getvalue() == ""
