/* redline serve: the page.  It only shows what the server's review says and sends the
   person's corrections back; every decision is the library's (redline.review). */
(function () {
  'use strict';

  const T = JSON.parse(document.getElementById('texts').textContent);
  const C = JSON.parse(document.getElementById('config').textContent);
  const PAGE = 20;
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('redline-session');
  let state = null;
  let current = null; // index of the source shown
  let offset = 0;
  let picking = null; // {item, opener}
  let busy = 0;

  // ------------------------------------------------------------------ helpers

  function fmt(text, params) {
    return text.replace(/\{(\w+)\}/g, (m, k) => (params && k in params ? String(params[k]) : m));
  }

  function el(tag, attrs, ...kids) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k === 'html') node.innerHTML = v; // only the server's escaped redline markup
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
    }
    return node;
  }

  function status(text) {
    $('status').textContent = text || '';
  }

  async function api(method, path, body, opts) {
    opts = opts || {};
    const headers = { 'X-Redline-Session': token || '', 'X-Redline-Lang': C.lang };
    let payload = body;
    if (body && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    busy += 1;
    if (!opts.quiet) status(opts.message || T.working);
    let res;
    try {
      res = await fetch(path, { method, headers, body: payload, cache: 'no-store' });
    } catch (e) {
      throw new Error(T.network);
    } finally {
      busy -= 1;
      if (!busy && !opts.quiet && $('status').textContent === (opts.message || T.working)) status('');
    }
    let data;
    try {
      data = await res.json();
    } catch (e) {
      data = { error: res.status + ' ' + res.statusText };
    }
    if (!res.ok) {
      if (data.code === 'no-session') ended(data.error);
      const err = new Error(data.error || res.statusText);
      err.data = data;
      throw err;
    }
    return data;
  }

  function ended(message) {
    sessionStorage.removeItem('redline-session');
    token = null;
    for (const b of document.querySelectorAll('button, input')) b.disabled = true;
    $('upload-errors').replaceChildren(el('p', { text: message || T.ended }));
  }

  async function ensureSession() {
    if (token) {
      try {
        await api('POST', '/api/ping');
        return true;
      } catch (e) {
        token = null;
      }
    }
    const d = await api('POST', '/api/session');
    token = d.token;
    sessionStorage.setItem('redline-session', token);
    return false;
  }

  // ------------------------------------------------------------------ files in

  async function upload(event) {
    event.preventDefault();
    const errors = $('upload-errors');
    errors.replaceChildren();
    const draft = $('draft').files[0];
    const letters = Array.from($('letters').files);
    if (!draft && !(state && state.draft)) {
      errors.append(el('p', { text: T.need_draft }));
      $('draft').focus();
      return;
    }
    const limit = C.maxUploadMb * 1024 * 1024;
    const total = (draft ? draft.size : 0) + letters.reduce((a, f) => a + f.size, 0);
    if (total > limit) { // the server refuses it too; say so before sending it
      const big = [draft, ...letters].filter(Boolean).sort((a, b) => b.size - a.size)[0];
      errors.append(el('p', { text: fmt(T.too_big, { name: big.name, size: (big.size / 1048576).toFixed(1), limit: C.maxUploadMb }) }));
      return;
    }
    const form = new FormData();
    if (draft) form.append('draft', draft, draft.name);
    for (const f of letters) form.append('sources', f, f.name);
    let data;
    try {
      data = await api('POST', '/api/upload', form, { message: T.loading });
    } catch (e) {
      data = e.data || {};
      if (!data.errors) errors.append(el('p', { text: T.error_prefix + ': ' + e.message }));
    }
    for (const err of data.errors || []) errors.append(el('p', { text: err.file + ': ' + err.error }));
    $('draft').value = '';
    $('letters').value = '';
    if (data.state) {
      const hadDraft = state && state.draft;
      setState(data.state);
      if (!hadDraft || !$('outline-tree').children.length) loadOutline();
      if ((current === null || !state.sources.some((s) => s.index === current)) && state.sources.length) {
        showSource(state.sources[0].index);
      } else if (current !== null) {
        loadItems();
      }
    }
    if (errors.children.length) errors.focus();
  }

  // ------------------------------------------------------------------ state: letters and problems

  function setState(s) {
    state = s;
    renderSources();
    renderProblems();
  }

  function countBadges(counts) {
    const order = ['apply', 'comment', 'unresolved', 'conflict', 'skipped', 'ignored'];
    return el('span', { class: 'counts' }, order.filter((k) => counts[k]).map((k) =>
      el('span', { class: 'badge ' + k }, counts[k] + ' ' + T['state_' + k])));
  }

  function renderSources() {
    const list = $('sources');
    list.replaceChildren();
    if (!state.sources.length) {
      list.append(el('li', { class: 'hint', text: T.no_letters }));
      return;
    }
    for (const src of state.sources) {
      const meta = [src.number && (T.number + ' ' + src.number), src.date].filter(Boolean).join(' · ');
      const li = el('li', {},
        el('button', {
          type: 'button', class: 'source', 'aria-current': src.index === current ? 'true' : 'false',
          'data-source': src.index, onclick: () => showSource(src.index),
        },
        el('strong', { text: src.sender || src.name }),
        el('span', { class: 'meta', text: src.name + (meta ? ' · ' + meta : '') }),
        countBadges(src.counts)),
        src.problem ? el('p', { class: 'problem', text: src.problem }) : null,
        el('button', {
          type: 'button', class: 'remove', 'data-remove': src.index,
          'aria-label': fmt(T.remove, { name: src.name }), onclick: () => removeSource(src),
        }, '✕'));
      list.append(li);
    }
  }

  function renderProblems() {
    const box = $('problems');
    box.replaceChildren();
    const create = $('create');
    if (!state.draft) {
      create.disabled = true;
      return;
    }
    if (state.problems.length) {
      box.append(el('strong', { text: T.problems }), el('ul', {}, state.problems.map((p) => el('li', { text: p }))));
      create.disabled = true;
    } else {
      const c = state.counts;
      box.append(el('span', { text: fmt(T.ready, c) }));
      create.disabled = !state.sources.length;
    }
    if (state.notes && state.notes.length) {
      box.append(el('details', {}, el('summary', { text: fmt(T.notes, { count: state.notes.length }) }),
        el('ul', {}, state.notes.map((n) => el('li', { text: n })))));
    }
  }

  async function removeSource(src) {
    try {
      const d = await api('POST', '/api/sources/' + src.index + '/remove');
      if (current === src.index) {
        current = null;
        $('source-head').replaceChildren();
        $('item-list').replaceChildren(el('p', { class: 'hint', text: T.choose_letter }));
        $('pager').replaceChildren();
      }
      setState(d.state);
      $('downloads').replaceChildren();
      const next = document.querySelector('#sources button.source');
      (next || $('letters')).focus();
    } catch (e) {
      $('upload-errors').replaceChildren(el('p', { text: e.message }));
    }
  }

  // ------------------------------------------------------------------ one letter's instructions

  function showSource(index) {
    current = index;
    offset = 0;
    renderSources();
    loadItems(true);
  }

  function sourceHead(src) {
    const head = $('source-head');
    head.replaceChildren();
    if (!src) return;
    const rows = [
      el('h3', { text: src.sender || src.name }),
      el('span', { class: 'meta', text: [src.name, src.number && (T.number + ' ' + src.number), src.date && (T.date + ' ' + src.date)].filter(Boolean).join(' · ') }),
    ];
    if (src.source_line) rows.push(el('div', { class: 'line', text: src.source_line }));
    if (src.problem) {
      const id = 'sender-' + src.index;
      const input = el('input', { id, type: 'text', value: src.sender || '' });
      const err = el('div', { class: 'errors', role: 'alert' });
      rows.push(el('p', { class: 'problem', text: src.problem }),
        el('form', {
          onsubmit: async (e) => {
            e.preventDefault();
            try {
              const d = await api('POST', '/api/sources/' + src.index + '/sender', { value: input.value });
              setState(d.state);
              loadItems();
            } catch (x) {
              err.textContent = x.message;
            }
          },
        }, el('label', { for: id, text: T.sender }), input, el('button', { type: 'submit', text: T.set_sender }), err));
    }
    head.append(...rows);
  }

  async function loadItems(focusList, keep) {
    if (current === null) return;
    const src = state.sources.find((s) => s.index === current);
    sourceHead(src);
    let data;
    const asked = current + ':' + offset;
    try {
      data = await api('GET', '/api/items?source=' + current + '&offset=' + offset + '&limit=' + PAGE);
    } catch (e) {
      $('item-list').replaceChildren(el('p', { class: 'errors', role: 'alert', text: e.message }));
      return;
    }
    if (current + ':' + offset !== asked) return; // another letter or page was asked for since
    const list = $('item-list');
    list.replaceChildren(...data.items.map(renderItem));
    renderPager(data.total);
    if (keep) {
      const card = list.querySelector('[data-id="' + keep.id + '"]');
      const target = card && (card.querySelector('[data-action="' + keep.action + '"]') || card.querySelector('h3'));
      if (target) target.focus();
    } else if (focusList) {
      $('items').focus();
    }
  }

  function renderPager(total) {
    const pager = $('pager');
    pager.replaceChildren();
    if (total <= PAGE) return;
    const first = offset + 1;
    const last = Math.min(total, offset + PAGE);
    pager.append(
      el('button', { type: 'button', disabled: offset === 0, onclick: () => { offset = Math.max(0, offset - PAGE); loadItems(true); } }, T.previous),
      el('span', { text: fmt(T.page_of, { first, last, total }) }),
      el('button', { type: 'button', disabled: last >= total, onclick: () => { offset += PAGE; loadItems(true); } }, T.next));
  }

  function renderItem(item) {
    const hid = 'h-' + item.id;
    const error = el('div', { class: 'error', role: 'alert' });
    const act = (action, value) => correct(item, action, value, error);
    const title = [item.operation, item.target, item.title].filter(Boolean).join(' · ');
    const card = el('article', {
      class: 'item', 'data-id': item.id, 'data-n': item.n === null ? '' : String(item.n),
      'data-state': item.state, 'aria-labelledby': hid,
    });
    card.append(el('header', {},
      el('h3', { id: hid, tabindex: '-1' },
        item.n !== null ? el('span', { class: 'n', text: 'n=' + item.n + ' ' }) : null,
        title || item.state_label),
      el('span', { class: 'badge ' + item.state, text: item.state_label }),
      item.corrected ? el('span', { class: 'corrected', text: T.corrected }) : null));
    if (item.quote) {
      card.append(el('blockquote', { lang: 'vi', 'aria-label': T.letter_words, text: item.quote }));
    } else {
      card.append(el('p', { class: 'no-quote', text: T.no_quote }));
    }
    if (item.lines.length) {
      card.append(el('div', { class: 'redline' }, item.lines.map((h) => el('div', { class: 'line', html: h })),
        item.more_lines ? el('div', { class: 'more-lines', text: fmt(T.more_lines, { count: item.more_lines }) }) : null));
    }
    for (const c of item.comments) card.append(el('p', { class: 'comment-text', text: '💬 ' + c }));
    if (item.reason) card.append(el('p', { class: 'reason' }, el('strong', { text: T.reason + ': ' }), item.reason));
    if (item.conflict_with) card.append(el('p', { class: 'conflict-with', text: fmt(T.conflict_with, { other: item.conflict_with }) }));
    if (item.candidates.length && item.state !== 'apply') {
      card.append(el('div', { class: 'candidates' }, el('span', { text: T.candidates + ':' }),
        item.candidates.map((c) => el('button', {
          type: 'button', 'aria-describedby': hid, 'data-action': 'use-' + c.address, onclick: () => act('retarget', c.address),
        }, fmt(T.use, { address: c.address }) + (c.title ? ' — ' + c.title : '')))));
    }
    if (item.kind !== 'ignored') {
      const actions = el('div', { class: 'actions' });
      const change = el('button', {
        type: 'button', 'aria-describedby': hid, 'data-action': 'pick', onclick: (e) => openPicker(item, e.currentTarget),
      }, T.change_target);
      actions.append(change);
      if (item.can_comment) {
        actions.append(item.as_comment
          ? el('button', { type: 'button', 'aria-describedby': hid, 'data-action': 'change', onclick: () => act('change') }, T.to_change)
          : el('button', { type: 'button', 'aria-describedby': hid, 'data-action': 'comment', onclick: () => act('comment') }, T.to_comment));
      }
      let editor = null;
      if (item.fields.length) {
        // the new words as the review gives them: one text, or one field a table row's cell
        const cells = item.fields[0].cell;
        const inputs = item.fields.map((f, k) => {
          const input = cells ? el('input', { id: 't-' + item.id + '-' + k, type: 'text', 'data-cell': String(k) })
            : el('textarea', { id: 't-' + item.id, rows: '4' });
          input.value = f.value;
          return input;
        });
        const area = inputs[0];
        const body = cells
          ? el('fieldset', {}, el('legend', { text: T.new_cells }),
            item.fields.map((f, k) => el('div', { class: 'cell' }, el('label', { for: inputs[k].id, text: f.label }), inputs[k])))
          : [el('label', { for: area.id, text: item.fields[0].label }), area];
        editor = el('form', {
          class: 'edit-text', hidden: true,
          onsubmit: (e) => { e.preventDefault(); act(cells ? 'cells' : 'text', cells ? inputs.map((i) => i.value) : area.value); },
        }, body,
        el('div', { class: 'actions' },
          el('button', { type: 'submit', 'aria-describedby': hid, 'data-action': 'save-text' }, T.save),
          el('button', { type: 'button', onclick: () => { editor.hidden = true; editBtn.focus(); } }, T.cancel)));
        const editBtn = el('button', {
          type: 'button', 'aria-describedby': hid, 'data-action': 'edit', 'aria-expanded': 'false',
          onclick: () => { editor.hidden = !editor.hidden; editBtn.setAttribute('aria-expanded', String(!editor.hidden)); if (!editor.hidden) area.focus(); },
        }, T.edit_text);
        actions.append(editBtn);
      }
      actions.append(item.skipped
        ? el('button', { type: 'button', 'aria-describedby': hid, 'data-action': 'include', onclick: () => act('include') }, T.include)
        : el('button', { type: 'button', 'aria-describedby': hid, 'data-action': 'skip', onclick: () => act('skip') }, T.skip));
      if (item.corrected) actions.append(el('button', { type: 'button', 'aria-describedby': hid, 'data-action': 'reset', onclick: () => act('reset') }, T.reset));
      card.append(actions);
      if (editor) card.append(editor);
    }
    card.append(error);
    return card;
  }

  async function correct(item, action, value, errorBox) {
    errorBox.textContent = '';
    try {
      const d = await api('POST', '/api/items/' + encodeURIComponent(item.id), { action, value });
      setState(d.state);
      $('downloads').replaceChildren();
      await loadItems(false, { id: item.id, action: nextFocus(action) });
      // said aloud by a screen reader (the status line is a live region)
      const now = d.item;
      status([now.n !== null ? 'n=' + now.n : '', now.target, now.state_label, now.reason].filter(Boolean).join(' · '));
    } catch (e) {
      errorBox.textContent = e.message;
    }
  }

  function nextFocus(action) {
    return { comment: 'change', change: 'comment', skip: 'include', include: 'skip', text: 'edit', cells: 'edit', retarget: 'pick', reset: 'pick' }[action] || 'pick';
  }

  // ------------------------------------------------------------------ the section picker

  function openPicker(item, opener) {
    picking = { item, opener };
    const dialog = $('picker');
    $('picker-q').value = '';
    dialog.showModal();
    $('picker-q').focus();
    fillPicker('');
  }

  async function fillPicker(q) {
    const list = $('picker-results');
    let rows = [];
    try {
      const d = await api('GET', q ? '/api/outline?q=' + encodeURIComponent(q) + '&limit=50' : '/api/outline');
      rows = d.sections;
    } catch (e) {
      list.replaceChildren(el('li', { class: 'errors', text: e.message }));
      return;
    }
    if ($('picker-q').value.trim() !== q) return; // a later search is on its way
    const cands = (picking && picking.item.candidates) || [];
    const seen = new Set();
    const items = [];
    for (const c of (q ? [] : cands)) {
      seen.add(c.address);
      items.push({ address: c.address, title: c.title, cand: true });
    }
    for (const r of rows) if (!seen.has(r.address)) items.push(r);
    if (!items.length) {
      list.dataset.q = q;
      list.replaceChildren(el('li', { class: 'hint', text: T.no_match }));
      return;
    }
    list.dataset.q = q;
    list.replaceChildren(...items.map((r) => el('li', {},
      el('button', { type: 'button', 'data-address': r.address, onclick: () => pick(r.address) },
        el('span', { class: 'addr', text: r.address + ' ' }), r.title || '',
        r.cand ? el('span', { class: 'cand', text: ' (' + T.candidates + ')' }) : null))));
  }

  async function pick(address) {
    const { item, opener } = picking;
    $('picker').close();
    const card = opener.closest('article');
    await correct(item, 'retarget', address, card.querySelector('.error'));
  }

  let pickerTimer = null;
  function onPickerInput() {
    clearTimeout(pickerTimer);
    pickerTimer = setTimeout(() => fillPicker($('picker-q').value.trim()), 200);
  }

  // ------------------------------------------------------------------ the outline panel

  function treeRow(sec) {
    const li = el('li', {});
    const row = el('div', { class: 'row' });
    if (sec.children) {
      const sub = el('ul', { hidden: true });
      const btn = el('button', {
        type: 'button', class: 'toggle', 'aria-expanded': 'false',
        'aria-label': fmt(T.expand, { address: sec.address }),
        onclick: async () => {
          const open = btn.getAttribute('aria-expanded') === 'true';
          btn.setAttribute('aria-expanded', String(!open));
          btn.setAttribute('aria-label', fmt(open ? T.expand : T.collapse, { address: sec.address }));
          btn.textContent = open ? '▸' : '▾';
          sub.hidden = open;
          if (!open && !sub.children.length) await fillTree(sub, sec.address, 0);
        },
      }, '▸');
      row.append(btn);
      li.append(row, sub);
    } else {
      row.append(el('span', { class: 'spacer' }));
      li.append(row);
    }
    row.append(el('span', { class: 'addr', text: sec.address }), el('span', { class: 'ttl', text: sec.title }));
    return li;
  }

  async function fillTree(ul, parent, start) {
    let d;
    try {
      d = await api('GET', '/api/outline?offset=' + start + (parent ? '&parent=' + encodeURIComponent(parent) : ''));
    } catch (e) {
      ul.append(el('li', { class: 'errors', text: e.message }));
      return;
    }
    ul.append(...d.sections.map(treeRow));
    const shown = start + d.sections.length;
    if (shown < d.total) {
      const more = el('li', {}, el('button', {
        type: 'button', onclick: () => { more.remove(); fillTree(ul, parent, shown); },
      }, T.more));
      ul.append(more);
    }
  }

  function loadOutline() {
    const tree = $('outline-tree');
    tree.replaceChildren();
    if (state && state.draft) fillTree(tree, null, 0);
  }

  let outlineTimer = null;
  function onOutlineInput() {
    clearTimeout(outlineTimer);
    outlineTimer = setTimeout(async () => {
      const q = $('outline-q').value.trim();
      const tree = $('outline-tree');
      if (!q) return loadOutline();
      try {
        const d = await api('GET', '/api/outline?q=' + encodeURIComponent(q) + '&limit=100');
        if ($('outline-q').value.trim() !== q) return; // a later search is on its way
        tree.replaceChildren(...(d.sections.length ? d.sections.map((s) => treeRow({ ...s, children: 0 }))
          : [el('li', { class: 'hint', text: T.no_match })]));
      } catch (e) {
        tree.replaceChildren(el('li', { class: 'errors', text: e.message }));
      }
    }, 250);
  }

  // ------------------------------------------------------------------ files out

  async function create() {
    const box = $('downloads');
    box.replaceChildren();
    try {
      const d = await api('POST', '/api/create', null, { message: T.creating });
      setState(d.state);
      box.append(el('strong', { text: T.downloads }),
        el('ul', {}, d.files.map((f) => el('li', {},
          el('a', { href: f.url, download: f.name, 'data-kind': f.kind }, T[f.kind] + ': ' + f.name)))),
        el('p', {}, T.command + ' ', el('code', { text: d.command })));
      box.querySelector('a').focus();
    } catch (e) {
      box.append(el('p', { class: 'errors', role: 'alert', text: e.message }));
    }
  }

  async function endSession() {
    try {
      await api('POST', '/api/end');
    } catch (e) { /* ended either way */ }
    ended(T.ended);
  }

  // ------------------------------------------------------------------ start

  async function start() {
    $('upload').addEventListener('submit', upload);
    $('create').addEventListener('click', create);
    $('end').addEventListener('click', endSession);
    $('picker-q').addEventListener('input', onPickerInput);
    $('picker-close').addEventListener('click', () => $('picker').close());
    $('picker').addEventListener('close', () => {
      clearTimeout(pickerTimer);
      if (picking && picking.opener.isConnected) picking.opener.focus();
    });
    $('outline-q').addEventListener('input', onOutlineInput);
    try {
      const resumed = await ensureSession();
      if (resumed) {
        const d = await api('GET', '/api/state');
        setState(d.state);
        if (state.draft) loadOutline();
        if (state.sources.length) showSource(state.sources[0].index);
      } else {
        setState({ draft: null, sources: [], problems: [], counts: {} });
      }
    } catch (e) {
      $('upload-errors').replaceChildren(el('p', { text: e.message }));
    }
    setInterval(() => { if (token) api('POST', '/api/ping', null, { quiet: true }).catch(() => {}); }, 60000);
    document.body.dataset.ready = 'true';
  }

  start();
})();
