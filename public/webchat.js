/*
 * Passerelle's web chat page: picks the language, keeps the person's random id (and their
 * conversation) in this browser, gets a token from the server's own Direct Line and renders
 * Bot Framework Web Chat. Plain ES2017, no build step; served content-hashed.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('passerelle-config').textContent);
  var KEYS = { user: 'passerelle.userId', conversation: 'passerelle.conversation' };
  var LANGUAGE_COOKIE = 'passerelle_lang';
  // On return, show this many past activities again so the person sees where they were.
  var RESUME_CONTEXT = 30;
  var STATUS = { Online: 2, ExpiredToken: 3, FailedToConnect: 4, Ended: 5 };

  var select = document.getElementById('language');
  var statusElement = document.getElementById('status');
  var errorElement = document.getElementById('error');
  var chatElement = document.getElementById('webchat');
  var state = { lang: config.lang, directLine: null, store: null, userId: null };

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) {
      // Private browsing may refuse storage: the chat still works, it is just not resumed.
    }
  }

  function languageOf(code) {
    for (var i = 0; i < config.languages.length; i += 1) if (config.languages[i].code === code) return config.languages[i];
    return config.languages[0];
  }

  function userId() {
    var id = read(KEYS.user);
    if (id && /^[A-Za-z0-9_-]{16,128}$/.test(id)) return id;
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    id = 'pu_' + Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    write(KEYS.user, id);
    return id;
  }

  function savedConversation() {
    try {
      var saved = JSON.parse(read(KEYS.conversation) || 'null');
      if (saved && typeof saved.id === 'string' && typeof saved.watermark === 'number') return saved;
    } catch (e) {
      // A damaged entry is forgotten below.
    }
    write(KEYS.conversation, null);
    return null;
  }

  function saveConversation(id, watermark) {
    write(KEYS.conversation, JSON.stringify({ id: id, watermark: watermark }));
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /**
   * The bot's texts use **bold**, *emphasis* and line breaks; everything else stays text.
   * Web Chat keeps only the elements of what this returns: paragraphs wrap the text.
   */
  function renderMarkdown(text) {
    return String(text)
      .split(/\r?\n\s*\r?\n/)
      .map(function (paragraph) {
        var html = escapeHtml(paragraph)
          .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
          .replace(/(^|[^*\w])\*([^*\s][^*\n]*)\*(?!\w)/g, '$1<em>$2</em>')
          .replace(/\r?\n/g, '<br>');
        return '<p>' + html + '</p>';
      })
      .join('');
  }

  function applyTexts() {
    var language = languageOf(state.lang);
    var texts = config.texts[language.code];
    document.documentElement.lang = language.code;
    document.documentElement.dir = language.dir;
    document.title = texts.title;
    var elements = document.querySelectorAll('[data-text]');
    for (var i = 0; i < elements.length; i += 1) elements[i].textContent = texts[elements[i].getAttribute('data-text')];
    select.value = language.code;
  }

  function showStatus(visible) {
    statusElement.hidden = !visible;
  }

  function showError() {
    showStatus(false);
    errorElement.hidden = false;
  }

  function render() {
    var language = languageOf(state.lang);
    var texts = config.texts[language.code];
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        userID: state.userId,
        locale: language.webChatLocale,
        dir: language.dir,
        nonce: config.nonce,
        renderMarkdown: renderMarkdown,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: texts.placeholder, TEXT_INPUT_SEND_BUTTON_ALT: texts.send },
        styleOptions: {
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          suggestedActionHeight: 'auto',
          sendBoxTextWrap: true,
          bubbleMaxWidth: 640,
          bubbleMinWidth: 0,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Ethiopic", sans-serif',
          rootHeight: '100%'
        }
      },
      chatElement
    );
  }

  function postJson(url, body) {
    return window
      .fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        if (!response.ok) {
          var error = new Error('HTTP ' + response.status);
          error.status = response.status;
          throw error;
        }
        return response.json();
      });
  }

  /** A token for the saved conversation, or for a new one when it is gone. */
  function token(saved) {
    var request = { user: { id: state.userId } };
    if (!saved) return postJson(config.tokenUrl, request);
    request.conversationId = saved.id;
    return postJson(config.tokenUrl, request).catch(function (error) {
      if (error.status !== 404 && error.status !== 403) throw error;
      write(KEYS.conversation, null);
      return token(null);
    });
  }

  function connect() {
    var saved = savedConversation();
    return token(saved).then(function (issued) {
      var resuming = saved && saved.id === issued.conversationId;
      var options = {
        token: issued.token,
        // Azure's Direct Line is an absolute URL; the local one is on this origin.
        domain: /^https?:\/\//.test(config.directLine) ? config.directLine : window.location.origin + config.directLine,
        webSocket: 'WebSocket' in window,
        conversationStartProperties: { locale: languageOf(state.lang).webChatLocale }
      };
      if (resuming) {
        options.conversationId = issued.conversationId;
        options.watermark = String(Math.max(0, saved.watermark - RESUME_CONTEXT));
      }
      var watermark = resuming ? saved.watermark : 0;
      saveConversation(issued.conversationId, watermark);
      var directLine = window.WebChat.createDirectLine(options);
      state.directLine = directLine;
      state.store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            var result = next(action);
            if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
              var seen = Number(directLine.watermark);
              if (seen > watermark) {
                watermark = seen;
                saveConversation(issued.conversationId, watermark);
              }
            }
            return result;
          };
        };
      });
      directLine.connectionStatus$.subscribe(function (status) {
        if (status === STATUS.Online) showStatus(false);
        if (status === STATUS.FailedToConnect || status === STATUS.Ended) showError();
      });
      render();
    });
  }

  select.addEventListener('change', function () {
    state.lang = languageOf(select.value).code;
    document.cookie = LANGUAGE_COOKIE + '=' + encodeURIComponent(state.lang) + '; Path=/; Max-Age=31536000; SameSite=Lax';
    applyTexts();
    if (state.directLine) render();
  });

  document.getElementById('retry').addEventListener('click', function () {
    window.location.reload();
  });

  state.userId = userId();
  applyTexts();
  if (!window.WebChat) {
    showError();
    return;
  }
  connect().catch(showError);
})();
