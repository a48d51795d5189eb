// The Token Probabilities webview. It renders what the extension sends ('show' messages) with DOM
// calls only (never markup built from completion text), and posts back what the user chooses.
// Keyboard: Left/Right (or Up/Down) move between tokens, Home/End jump, Enter or Space opens the
// alternatives of the token, Up/Down move between them, Enter chooses one, Escape goes back.
// @ts-check
(function () {
  // eslint-disable-next-line no-undef
  const vscode = acquireVsCodeApi();
  const root = /** @type {HTMLElement} */ (document.getElementById('root'));

  /** @type {{ viewId: number, view: any, branch: any } | undefined} */
  let state;
  let renderedViewId = -1;
  /** The branch status last drawn, to tell when a branch has just arrived. */
  let renderedBranchStatus;
  /** The token whose alternatives show when the pointer is not over another one. */
  let current = 0;
  /** @type {number | undefined} */
  let hovered;
  /** Which token's alternatives are on the page ('' when none), so they are not rebuilt under the user's focus. */
  let detailsKey = '';

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'show') return;
    const newCompletion = !state || message.viewId !== state.viewId;
    state = message;
    if (newCompletion) {
      current = 0;
      hovered = undefined;
    }
    render(newCompletion);
    report();
  });
  vscode.postMessage({ type: 'ready' });

  /**
   * A page text in the user's language (the extension sends them, keyed by their English), with its
   * `{0}`, `{1}`… filled in.
   * @param {string} message @param {...(string|number)} args
   */
  function t(message, ...args) {
    const text = (state && state.strings && typeof state.strings[message] === 'string') ? state.strings[message] : message;
    return text.replace(/\{(\d+)\}/g, (placeholder, index) => (Number(index) < args.length ? String(args[Number(index)]) : placeholder));
  }

  /** @param {boolean} newCompletion */
  function render(newCompletion) {
    if (!state) return;
    const view = state.view;
    if (newCompletion || renderedViewId !== state.viewId) {
      root.replaceChildren(...renderView(view));
      renderedViewId = state.viewId;
      showDetails();
    }
    const branchHost = document.getElementById('branch');
    if (branchHost) {
      // Re-rendering must not drop a keyboard user: focus that was in the branch stays there, and a
      // branch that has just arrived takes the focus, so Enter inserts it.
      const hadFocus = branchHost.contains(document.activeElement);
      const status = state.branch ? state.branch.status : undefined;
      const arrived = status === 'ready' && renderedBranchStatus !== 'ready';
      renderedBranchStatus = status;
      branchHost.replaceChildren(...renderBranch(state.branch, view));
      if (hadFocus || arrived) focusBranch(branchHost);
    }
  }

  /** Focuses the branch's button, or its text when the button is disabled (a disabled button takes no focus). */
  function focusBranch(branchHost) {
    const button = branchHost.querySelector('.branch-actions button');
    const target = button instanceof HTMLButtonElement && !button.disabled ? button : branchHost.querySelector('#branch-text');
    if (target instanceof HTMLElement) target.focus();
  }

  /** @returns {Node[]} */
  function renderView(view) {
    if (view.kind === 'empty') {
      return [
        el('h1', {}, t('Token probabilities')),
        el('p', {}, t('No completion yet. Accept an inline suggestion or run Prompt Complete: Complete Selection; the latest completion shows here.')),
        logprobsHint(),
      ];
    }
    if (view.kind === 'noLogprobs') {
      return [
        el('h1', {}, t('Token probabilities')),
        el('p', { className: 'meta' }, `${sourceName(view.source)} · ${view.model}`),
        el('div', { className: 'notice', role: 'status' },
          el('p', {}, t('This completion came without token probabilities.')),
          logprobsHint(),
          el('button', { className: 'action secondary', type: 'button', onclick: () => vscode.postMessage({ type: 'openSettings' }) }, t('Open the logprobs setting'))),
        el('h2', {}, t('Completion')),
        el('div', { className: 'tokens' }, view.text),
      ];
    }
    const tokens = el('div', {
      className: 'tokens',
      role: 'listbox',
      ariaOrientation: 'horizontal',
      ariaLabel: t('Tokens of the completion. Arrow keys move, Enter shows the alternatives.'),
    }, ...view.tokens.map((token) => renderToken(token)));
    tokens.addEventListener('mouseleave', () => {
      hovered = undefined;
      showDetails();
    });
    const confidence = el('span', { className: 'confidence', id: 'confidence' }, t('confidence {0}', view.confidenceLabel));
    confidence.dataset.label = view.confidenceLabel;
    return [
      el('h1', {}, t('Token probabilities')),
      el('p', { className: 'meta' },
        `${sourceName(view.source)} · ${view.model} · ${t('{0} tokens', view.tokens.length)} · `,
        confidence,
        t(' (mean token probability)')),
      legend(),
      tokens,
      el('section', { id: 'details', className: 'details', ariaLive: 'polite' }),
      el('section', { id: 'branch' }),
    ];
  }

  function renderToken(token) {
    const span = el('span', {
      className: `token band-${token.band}`,
      role: 'option',
      id: `token-${token.index}`,
      tabIndex: token.index === current ? 0 : -1,
      ariaLabel: `${spoken(token.text)}, ${token.probabilityLabel}`,
      ariaSelected: String(token.index === current),
      title: tooltipOf(token),
    }, ...visibleText(token.text));
    span.dataset.index = String(token.index);
    span.dataset.probability = token.probabilityLabel;
    span.dataset.band = token.band;
    span.addEventListener('mouseenter', () => {
      hovered = token.index;
      showDetails();
    });
    span.addEventListener('focus', () => select(token.index, false));
    span.addEventListener('click', () => select(token.index, true));
    span.addEventListener('keydown', (event) => onTokenKey(event, token.index));
    return span;
  }

  /** @param {KeyboardEvent} event @param {number} index */
  function onTokenKey(event, index) {
    const count = state?.view.tokens.length ?? 0;
    const moves = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: count - 1 };
    if (event.key in moves) {
      event.preventDefault();
      select(Math.max(0, Math.min(count - 1, moves[/** @type {keyof typeof moves} */ (event.key)])), true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      hovered = undefined;
      showDetails();
      const first = document.querySelector('#details .alternative:not([disabled])');
      if (first instanceof HTMLElement) first.focus();
    }
  }

  /** @param {number} index @param {boolean} focus */
  function select(index, focus) {
    current = index;
    for (const node of document.querySelectorAll('.token')) {
      const mine = node instanceof HTMLElement && node.dataset.index === String(index);
      node.setAttribute('tabindex', mine ? '0' : '-1');
      node.setAttribute('aria-selected', String(mine));
      node.classList.toggle('current', mine);
      if (mine && focus && node instanceof HTMLElement && document.activeElement !== node) node.focus();
    }
    showDetails();
  }

  function showDetails() {
    const host = document.getElementById('details');
    const view = state?.view;
    if (!host || !view || view.kind !== 'tokens') return;
    const token = view.tokens[hovered ?? current];
    const key = `${renderedViewId}:${token ? token.index : ''}`;
    if (key === detailsKey && host.hasChildNodes()) return;
    detailsKey = key;
    if (!token) return host.replaceChildren();
    const heading = el('p', { className: 'heading' },
      t('Token {0} of {1}: ', token.index + 1, view.tokens.length), el('code', {}, quoted(token.text)), ` · ${token.probabilityLabel}`);
    if (token.alternatives.length === 0) {
      host.replaceChildren(heading, el('p', { className: 'hint' }, t('The server sent no alternatives for this token.')));
      return;
    }
    const list = el('ol', { className: 'alternatives', ariaLabel: t('Alternatives for token {0}', token.index + 1) },
      ...token.alternatives.map((alternative) => renderAlternative(token, alternative)));
    host.replaceChildren(heading, list,
      el('p', { className: 'hint' }, t('Choose an alternative to ask the model to continue from it.')));
  }

  function renderAlternative(token, alternative) {
    const why = alternative.sampled ? t(' (what the model wrote)') : alternative.choosable ? '' : t(' (part of a character; cannot be sent)');
    const button = el('button', {
      className: 'alternative',
      type: 'button',
      disabled: alternative.sampled || !alternative.choosable,
      ariaCurrent: alternative.sampled ? 'true' : 'false',
      ariaLabel: `${spoken(alternative.text)}, ${alternative.probabilityLabel}${why}`,
      onclick: () => vscode.postMessage({ type: 'choose', tokenIndex: token.index, alternative: alternative.text }),
    }, ...visibleText(alternative.text));
    button.addEventListener('keydown', (event) => onAlternativeKey(event, token.index));
    const fill = el('div', { className: 'fill' });
    fill.style.width = `${Math.max(0.5, Math.min(100, alternative.probability * 100))}%`;
    return el('li', {}, button, el('div', { className: 'bar', ariaHidden: 'true' }, fill),
      el('span', { className: 'percent' }, alternative.probabilityLabel + (alternative.sampled ? ' ✓' : '')));
  }

  /** @param {KeyboardEvent} event @param {number} tokenIndex */
  function onAlternativeKey(event, tokenIndex) {
    const buttons = [...document.querySelectorAll('#details .alternative:not([disabled])')];
    const at = buttons.indexOf(/** @type {Element} */ (event.currentTarget));
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step !== 0) {
      event.preventDefault();
      const next = buttons[(at + step + buttons.length) % buttons.length];
      if (next instanceof HTMLElement) next.focus();
    } else if (event.key === 'Escape' || event.key === 'ArrowLeft') {
      event.preventDefault();
      select(tokenIndex, true);
    }
  }

  /** @returns {Node[]} */
  function renderBranch(branch, view) {
    if (!branch || view.kind !== 'tokens') return [];
    const status = branch.status === 'asking'
      ? el('p', { className: 'meta', role: 'status' }, t('Asking the server to continue from the alternative…'))
      : branch.status === 'failed'
        ? el('p', { className: 'error', role: 'alert' }, t('The server could not continue: {0}', branch.error ?? t('unknown error')))
        : el('p', { className: 'meta', role: 'status' }, branch.continuation ? t('The model continued like this:') : t('The model stopped right after the alternative.'));
    const text = el('div', { className: 'branch-text', id: 'branch-text', tabIndex: -1 },
      el('span', { className: 'kept' }, branch.kept),
      el('span', { className: 'chosen' }, branch.alternative),
      el('span', { className: 'continuation' }, branch.continuation));
    const insert = el('button', {
      className: 'action',
      type: 'button',
      disabled: branch.status !== 'ready' || !branch.insertLabel,
      onclick: () => vscode.postMessage({ type: 'insert' }),
    }, insertButtonLabel(branch));
    return [
      el('h2', {}, t('Branch from token {0}', branch.tokenIndex + 1)),
      status,
      text,
      el('div', { className: 'branch-actions' }, insert),
    ];
  }

  function insertButtonLabel(branch) {
    if (branch.inserted) return t('Inserted');
    if (branch.status !== 'ready') return t('Insert');
    return branch.insertLabel || t('Cannot insert: the editor no longer holds the completion');
  }

  function legend() {
    const entries = [
      ['likely', t('70% or more')],
      ['uncertain', t('30% to 70%')],
      ['unlikely', t('under 30%')],
      ['unknown', t('no probability')],
    ];
    return el('ul', { className: 'legend', ariaLabel: t('Legend') },
      ...entries.map(([band, words]) => el('li', {}, el('span', { className: `swatch band-${band}`, ariaHidden: 'true' }), words)));
  }

  function logprobsHint() {
    // The setting's name stays code: the sentence is split around its placeholder.
    const [before, after = ''] = t('Set {0} to 1–5 (how many alternatives to show at each token) and complete again. Some servers send no probabilities at all.').split('{0}');
    return el('p', {}, before, el('code', {}, 'promptComplete.logprobs'), after);
  }

  /** Tells the extension what the page now shows, read back from the DOM (the tests check it). */
  function report() {
    const tokens = [...document.querySelectorAll('.tokens .token')].map((node) => ({
      text: node.textContent ?? '',
      probabilityLabel: node instanceof HTMLElement ? node.dataset.probability ?? '' : '',
      band: node instanceof HTMLElement ? node.dataset.band ?? '' : '',
    }));
    const confidence = document.getElementById('confidence')?.dataset.label ?? '';
    vscode.postMessage({
      type: 'rendered',
      summary: {
        kind: state?.view.kind,
        tokens,
        confidenceLabel: confidence,
        branchText: document.getElementById('branch-text')?.textContent ?? '',
      },
    });
  }

  /** Token text with line breaks and tabs made visible (the marks are decoration, not content). */
  function visibleText(text) {
    const nodes = [];
    for (const part of text.split(/(\r?\n|\t)/)) {
      if (part === '') continue;
      if (part === '\t') nodes.push(el('span', { className: 'mark', ariaHidden: 'true' }, '→'), '\t');
      else if (part === '\n' || part === '\r\n') nodes.push(el('span', { className: 'mark', ariaHidden: 'true' }, '↵'), '\n');
      else nodes.push(part);
    }
    return nodes.length > 0 ? nodes : [el('span', { className: 'mark' }, '∅')];
  }

  function tooltipOf(token) {
    const top = token.alternatives.slice(0, 5).map((a) => `${quoted(a.text)} ${a.probabilityLabel}`).join(', ');
    return top ? t('{0}; alternatives: {1}', token.probabilityLabel, top) : token.probabilityLabel;
  }

  function quoted(text) {
    return `“${text.replace(/\n/g, '↵').replace(/\t/g, '→')}”`;
  }

  function spoken(text) {
    if (text === '\n') return t('line break');
    if (text.trim() === '') return text.length === 1 ? t('1 space') : t('{0} spaces', text.length);
    return quoted(text);
  }

  function sourceName(source) {
    return source === 'completeSelection' ? t('Complete Selection') : t('Inline suggestion');
  }

  /**
   * Creates an element with properties (aria* names map to aria-* attributes) and children.
   * @param {string} tag @param {Record<string, any>} props @param {...(Node|string)} children
   * @returns {HTMLElement}
   */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key.startsWith('aria')) node.setAttribute(`aria-${key.slice(4).toLowerCase()}`, String(value));
      else if (key === 'role') node.setAttribute('role', value);
      else /** @type {any} */ (node)[key] = value;
    }
    node.append(...children);
    return node;
  }
})();
