/*
 * Passerelle's web chat page: keeps the person's random id (and their conversation) in this
 * browser, gets a token from the server's own Direct Line and renders Bot Framework Web Chat.
 * The page is in one language at a time: the one picked in the header, or the one the bot
 * starts writing in when the person chooses a language in the chat (each bot message carries
 * the `locale` it is written in). Direction, the page's texts, the picker and Web Chat's own
 * strings and dates follow. Plain ES2017, no build step; served content-hashed.
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
  var state = {
    lang: config.lang,
    bundle: config.bundle,
    directLine: null,
    store: null,
    userId: null,
    // The language of the bot's latest message, and the last activity shown again from before this visit.
    botLanguage: null,
    resumedUpTo: 0
  };
  // Each language's texts, Web Chat strings and date data, fetched once (the page's own is inline).
  var bundles = {};
  bundles[config.lang] = Promise.resolve(config.bundle);
  var languageRequests = 0;

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

  /** The page's language for a locale such as "ar" or "ar-SA", or null. */
  function languageOfLocale(locale) {
    if (typeof locale !== 'string') return null;
    var tag = locale.toLowerCase();
    for (var i = 0; i < config.languages.length; i += 1) {
      var code = config.languages[i].code;
      if (tag === code || tag.indexOf(code + '-') === 0) return config.languages[i];
    }
    return null;
  }

  function bundleOf(code) {
    if (!bundles[code]) {
      bundles[code] = window
        .fetch(languageOf(code).bundle)
        .then(function (response) {
          if (!response.ok) throw new Error('HTTP ' + response.status);
          return response.json();
        })
        .catch(function (error) {
          delete bundles[code];
          throw error;
        });
    }
    return bundles[code];
  }

  /**
   * Puts the page in `code`: direction, texts, picker, Web Chat's locale and strings; remembered
   * for the next visit. A later request wins over one still loading; if the language's texts
   * cannot be loaded (offline), the page stays as it was.
   */
  function setLanguage(code) {
    var language = languageOf(code);
    var request = (languageRequests += 1);
    return bundleOf(language.code).then(
      function (bundle) {
        if (request !== languageRequests) return;
        state.lang = language.code;
        state.bundle = bundle;
        document.cookie = LANGUAGE_COOKIE + '=' + encodeURIComponent(state.lang) + '; Path=/; Max-Age=31536000; SameSite=Lax';
        applyTexts();
        if (state.directLine) render();
      },
      function () {
        if (request === languageRequests) select.value = state.lang;
      }
    );
  }

  /** The sequence number of a Direct Line activity id (`<conversation>|0000042`), or Infinity. */
  function sequenceOf(id) {
    var match = /\|(\d+)$/.exec(String(id || ''));
    return match ? Number(match[1]) : Infinity;
  }

  /**
   * When the bot starts writing in another language (the person chose it in the chat), the page
   * follows. Messages shown again from an earlier visit only say which language the bot spoke
   * last; a language picked in the header stays until the bot changes language again.
   */
  function followBot(activity) {
    if (!activity || activity.type !== 'message' || !activity.from) return;
    if (activity.from.role === 'user' || activity.from.id === state.userId) return;
    var language = languageOfLocale(activity.locale);
    if (!language) return;
    var previous = state.botLanguage;
    state.botLanguage = language.code;
    if (sequenceOf(activity.id) <= state.resumedUpTo) return;
    if (language.code !== previous && language.code !== state.lang) setLanguage(language.code);
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
        // Each paragraph takes the direction of its own text (an earlier French message stays left to right in an Arabic page).
        return '<p dir="auto">' + html + '</p>';
      })
      .join('');
  }

  /**
   * Web Chat's formatter of times and counts (its `GLOBALIZE`), from the server's data for the
   * language: Gregorian dates with the language's month names and digits, "N minutes ago".
   */
  function globalizeOf(dates) {
    function digits(number, pad) {
      var text = String(number);
      if (pad && text.length < 2) text = '0' + text;
      return text.replace(/[0-9]/g, function (d) {
        return dates.digits[Number(d)];
      });
    }
    function hourOf(date) {
      var hour = date.getHours();
      if (dates.hourCycle === 'h12') return hour % 12 || 12;
      if (dates.hourCycle === 'h11') return hour % 12;
      if (dates.hourCycle === 'h24') return hour || 24;
      return hour;
    }
    var UNITS = { byte: 'B', kilobyte: 'KB', megabyte: 'MB', gigabyte: 'GB' };
    return {
      dateFormatter: function () {
        return function (date) {
          return dates.dateTime
            .map(function (part) {
              if (part.text !== undefined) return part.text;
              if (part.field === 'month') return dates.months[date.getMonth()];
              if (part.field === 'day') return digits(date.getDate(), part.pad);
              if (part.field === 'hour') return digits(hourOf(date), part.pad);
              if (part.field === 'minute') return digits(date.getMinutes(), true);
              return dates.dayPeriods[date.getHours() < 12 ? 0 : 1];
            })
            .join('');
        };
      },
      relativeTimeFormatter: function (unit) {
        var texts = unit === 'hour' ? dates.hoursAgo : dates.minutesAgo;
        return function (value) {
          return texts[Math.abs(value)] || digits(Math.abs(value));
        };
      },
      plural: function (count) {
        var n = Math.abs(Math.floor(count));
        return dates.plural[n < 200 ? n : 100 + (n % 100)] || 'other';
      },
      unitFormatter: function (unit) {
        return function (value) {
          return digits(Math.round(value)) + ' ' + (UNITS[unit] || unit);
        };
      }
    };
  }

  function applyTexts() {
    var language = languageOf(state.lang);
    var texts = state.bundle.texts;
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
    var strings = {};
    for (var id in state.bundle.webChat) if (Object.prototype.hasOwnProperty.call(state.bundle.webChat, id)) strings[id] = state.bundle.webChat[id];
    strings.GLOBALIZE = globalizeOf(state.bundle.dates);
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        userID: state.userId,
        locale: language.webChatLocale,
        dir: language.dir,
        nonce: config.nonce,
        renderMarkdown: renderMarkdown,
        overrideLocalizedStrings: strings,
        styleOptions: {
          hideUploadButton: true,
          // Answers in rows that wrap, each label whole on as many lines as it needs (webchat.css),
          // and every button at least 44 px high, as a finger needs.
          suggestedActionLayout: 'flow',
          suggestedActionsStackedLayoutButtonTextWrap: true,
          suggestedActionHeight: 44,
          suggestedActionBorderRadius: 8,
          sendBoxHeight: 48,
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
        state.resumedUpTo = saved.watermark;
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
              followBot(action.payload && action.payload.activity);
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
    setLanguage(select.value);
  });

  document.getElementById('retry').addEventListener('click', function () {
    window.location.reload();
  });

  // "Forget me on this device": this browser drops the person's random id and conversation (the
  // only keys to their chat here) and starts afresh. What the server keeps is erased from the chat.
  document.getElementById('forget').addEventListener('click', function () {
    if (!window.confirm(state.bundle.texts.forgetConfirm)) return;
    write(KEYS.user, null);
    write(KEYS.conversation, null);
    document.cookie = LANGUAGE_COOKIE + '=; Path=/; Max-Age=0; SameSite=Lax';
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
