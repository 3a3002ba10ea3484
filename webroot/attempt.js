// The attempt page: saves every answer as it is given, keeps unsent answers on this device while the
// network is down, and shows the server's remaining time. The countdown runs on performance.now(), a
// monotonic clock, from the milliseconds the server sends: the device's wall clock is never read, so a
// wrong clock or a throttled background tab cannot stretch or shorten the time.
(function () {
  'use strict';
  var root = document.getElementById('attempt');
  if (!root) {
    return;
  }
  var attemptId = root.dataset.attempt;
  var csrf = root.dataset.csrf;
  var storeKey = 'quizworks-attempt-' + attemptId;
  var form = document.getElementById('attempt-form');
  var connection = document.getElementById('connection');
  var announcer = document.getElementById('announcer');
  var timerValue = document.getElementById('timer-value');
  var dialog = document.getElementById('confirm-submit');
  var bar = root.querySelector('.attempt-bar');

  // The timer bar sticks to the top of the window: keep whatever gets focus, or is jumped to from the
  // question list, scrolled clear of it rather than hidden underneath (WCAG 2.4.11). The bar grows when
  // it wraps or shows a connection message, so follow its height.
  function keepClearOfBar() {
    document.documentElement.style.scrollPaddingTop = (bar.offsetHeight + 16) + 'px';
  }
  keepClearOfBar();
  if (window.ResizeObserver) {
    new ResizeObserver(keepClearOfBar).observe(bar);
  }

  var deadline = root.dataset.remainingMs === '' ? null : performance.now() + Number(root.dataset.remainingMs);
  var announcements = [{ at: 5 * 60000, text: '5 minutes left.' }, { at: 60000, text: '1 minute left.' }];
  var pending = readPending();
  var seq = Math.max(Number(root.dataset.maxSeq) || 0, Number(localStorage.getItem(storeKey + '-seq')) || 0);
  var retryDelay = 1000;
  var retryTimer = null;
  var flushing = false;
  var finished = false;

  // ---- Countdown -------------------------------------------------------------------------------------

  function remaining() {
    return deadline === null ? null : Math.max(0, deadline - performance.now());
  }

  function resync(remainingMs) {
    if (remainingMs !== null && remainingMs !== undefined && deadline !== null) {
      deadline = performance.now() + Number(remainingMs);
    }
  }

  function format(ms) {
    var seconds = Math.ceil(ms / 1000);
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = seconds % 60;
    var mm = (hours > 0 && minutes < 10 ? '0' : '') + minutes;
    return (hours > 0 ? hours + ':' : '') + mm + ':' + (rest < 10 ? '0' : '') + rest;
  }

  // Thresholds already behind us when the page opens are not announced.
  if (deadline !== null) {
    announcements = announcements.filter(function (a) { return remaining() > a.at; });
  }

  function tick() {
    var left = remaining();
    if (left === null || finished) {
      return;
    }
    timerValue.textContent = format(left);
    while (announcements.length && left <= announcements[0].at) {
      announce(announcements.shift().text);
    }
    if (left <= 0) {
      timeUp();
    }
  }

  function announce(text) {
    announcer.textContent = text;
  }

  function syncWithServer() {
    if (finished) {
      return;
    }
    request('GET', '/api/attempts/' + attemptId + '/time').then(function (response) {
      if (response.ok) {
        return response.json().then(function (body) {
          if (body.status !== 'in_progress') {
            goToResult();
            return;
          }
          resync(body.remainingMs);
        });
      }
    }).catch(function () { /* offline: the next sync or save catches up */ });
  }

  // ---- Answers ---------------------------------------------------------------------------------------

  function sectionOf(element) {
    return element.closest('section.question');
  }

  function answerOf(section) {
    var type = section.dataset.type;
    var position = section.dataset.position;
    var name = 'q-' + position;
    if (type === 'single_choice' || type === 'true_false') {
      var picked = section.querySelector('input[name="' + name + '"]:checked');
      if (!picked) {
        return {};
      }
      return type === 'true_false' ? { value: picked.value === 'true' } : { choice: picked.value };
    }
    if (type === 'multiple_response') {
      var labels = Array.prototype.map.call(section.querySelectorAll('input[name="' + name + '"]:checked'),
        function (input) { return input.value; });
      return labels.length ? { choices: labels } : {};
    }
    if (type === 'short_answer' || type === 'numeric') {
      var text = section.querySelector('input[type=text]').value;
      if (!text.trim()) {
        return {};
      }
      return type === 'numeric' ? { number: text } : { text: text };
    }
    if (type === 'ordering') {
      var places = [];
      section.querySelectorAll('select').forEach(function (select) {
        if (select.value) {
          places.push({ label: select.dataset.label, place: Number(select.value) });
        }
      });
      places.sort(function (a, b) { return a.place - b.place; });
      return places.length ? { order: places.map(function (p) { return p.label; }) } : {};
    }
    if (type === 'matching') {
      var pairs = {};
      var any = false;
      section.querySelectorAll('select').forEach(function (select) {
        if (select.value) {
          pairs[select.dataset.label] = select.value;
          any = true;
        }
      });
      return any ? { pairs: pairs } : {};
    }
    return {};
  }

  function applyAnswer(section, answer) {
    var type = section.dataset.type;
    var name = 'q-' + section.dataset.position;
    if (type === 'single_choice' || type === 'multiple_response' || type === 'true_false') {
      section.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
        input.checked = answer.choice === input.value
          || (answer.choices || []).indexOf(input.value) >= 0
          || (answer.value !== undefined && String(answer.value) === input.value);
      });
    } else if (type === 'short_answer' || type === 'numeric') {
      section.querySelector('input[type=text]').value = answer.text || answer.number || '';
    } else if (type === 'ordering') {
      section.querySelectorAll('select').forEach(function (select) {
        var index = (answer.order || []).indexOf(select.dataset.label);
        select.value = index >= 0 ? String(index + 1) : '';
      });
    } else if (type === 'matching') {
      section.querySelectorAll('select').forEach(function (select) {
        select.value = (answer.pairs || {})[select.dataset.label] || '';
      });
    }
  }

  function isAnswered(answer) {
    return Object.keys(answer).length > 0;
  }

  function setState(section, text, kind) {
    var state = document.getElementById('q-' + section.dataset.position + '-state');
    state.textContent = text;
    state.className = 'save-state' + (kind ? ' ' + kind : '');
  }

  function updatePalette(section) {
    var position = section.dataset.position;
    var link = document.getElementById('palette-' + position);
    var answered = isAnswered(answerOf(section));
    var flagged = document.getElementById('q-' + position + '-flag').checked;
    link.className = (answered ? 'answered' : 'unanswered') + (flagged ? ' flagged' : '');
    link.querySelector('.palette-state').textContent = (answered ? ' answered' : ' not answered')
      + (flagged ? ', flagged' : '');
  }

  function record(section) {
    seq += 1;
    localStorage.setItem(storeKey + '-seq', String(seq));
    var position = section.dataset.position;
    pending[position] = {
      seq: seq,
      answer: answerOf(section),
      flagged: document.getElementById('q-' + position + '-flag').checked
    };
    writePending();
    updatePalette(section);
    setState(section, 'Saving…', 'pending');
    flush();
  }

  // Typing saves after a short pause rather than on every key.
  var typingTimers = {};
  form.addEventListener('input', function (event) {
    var section = sectionOf(event.target);
    if (!section || event.target.type !== 'text') {
      return;
    }
    clearTimeout(typingTimers[section.dataset.position]);
    typingTimers[section.dataset.position] = setTimeout(function () { record(section); }, 600);
  });
  form.addEventListener('change', function (event) {
    var section = sectionOf(event.target);
    if (!section) {
      return;
    }
    clearTimeout(typingTimers[section.dataset.position]);
    record(section);
  });

  // ---- Sending, and keeping what could not be sent ---------------------------------------------------

  function readPending() {
    try {
      return JSON.parse(localStorage.getItem(storeKey + '-pending')) || {};
    } catch (e) {
      return {};
    }
  }

  function writePending() {
    localStorage.setItem(storeKey + '-pending', JSON.stringify(pending));
  }

  function request(method, url, body) {
    var headers = { 'Accept': 'application/json', 'X-CSRF-Token': csrf };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(url, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    });
  }

  function setOnline(online) {
    if (online) {
      if (connection.classList.contains('offline')) {
        connection.textContent = 'Back online. Your answers are saved.';
      }
      connection.classList.remove('offline');
    } else if (!connection.classList.contains('offline')) {
      connection.classList.add('offline');
      connection.textContent = 'You are offline. Keep working: your answers are kept on this device and sent '
        + 'as soon as the connection returns.';
    }
  }

  function scheduleRetry() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(flush, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function sendOne(position) {
    var entry = pending[position];
    var section = document.getElementById('q-' + position);
    return request('PUT', '/api/attempts/' + attemptId + '/answers/' + position,
      { seq: entry.seq, answer: entry.answer, flagged: entry.flagged }).then(function (response) {
      if (response.ok) {
        return response.json().then(function (body) {
          if (pending[position] && pending[position].seq <= entry.seq) {
            delete pending[position];
            writePending();
            setState(section, isAnswered(entry.answer) ? 'Saved' : 'Not answered', '');
          }
          resync(body.remainingMs);
          setOnline(true);
          retryDelay = 1000;
          return 'sent';
        });
      }
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 409 || response.status === 400 || response.status === 404) {
          delete pending[position];
          writePending();
          setState(section, 'Not saved: ' + (body.message || 'the server refused this answer.'), 'failed');
          if (response.status === 409) {
            goToResult();
          }
          return 'refused';
        }
        if (response.status === 401) {
          connection.classList.add('offline');
          connection.innerHTML = '';
          connection.append('Your session has ended. Your answers are kept on this device: ');
          var link = document.createElement('a');
          link.href = '/student/signin?next=' + encodeURIComponent(location.pathname);
          link.textContent = 'sign in again to send them';
          connection.append(link, '.');
          return 'stopped';
        }
        throw new Error('server error ' + response.status);
      });
    });
  }

  function flush() {
    if (flushing) {
      return Promise.resolve();
    }
    var positions = Object.keys(pending);
    if (!positions.length) {
      return Promise.resolve();
    }
    flushing = true;
    var chain = Promise.resolve('sent');
    positions.forEach(function (position) {
      chain = chain.then(function (previous) {
        return previous === 'stopped' || !pending[position] ? previous : sendOne(position);
      });
    });
    return chain.then(function () {
      flushing = false;
      if (Object.keys(pending).length) {
        scheduleRetry();
      }
    }, function () {
      flushing = false;
      setOnline(false);
      Object.keys(pending).forEach(function (position) {
        setState(document.getElementById('q-' + position), 'Not sent yet: kept on this device', 'pending');
      });
      scheduleRetry();
    });
  }

  window.addEventListener('online', function () {
    retryDelay = 1000;
    flush();
  });
  window.addEventListener('offline', function () { setOnline(false); });

  // ---- Submitting ------------------------------------------------------------------------------------

  function goToResult() {
    finished = true;
    location.assign('/attempts/' + attemptId + '/result');
  }

  function submit() {
    return flush().then(function () {
      if (Object.keys(pending).length) {
        throw new Error('unsent');
      }
      return request('POST', '/api/attempts/' + attemptId + '/submit', {});
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('submit ' + response.status);
      }
      localStorage.removeItem(storeKey + '-pending');
      localStorage.removeItem(storeKey + '-seq');
      goToResult();
    });
  }

  function timeUp() {
    if (finished) {
      return;
    }
    finished = true;
    timerValue.textContent = '0:00';
    announce('Time is up. Your saved answers are being submitted.');
    submit().catch(function () {
      // The server finalises the attempt by itself at the deadline; show the result once it can be reached.
      setTimeout(goToResult, 5000);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var unanswered = [];
    document.querySelectorAll('section.question').forEach(function (section) {
      if (!isAnswered(answerOf(section))) {
        unanswered.push(section.dataset.position);
      }
    });
    var summary = document.getElementById('confirm-summary');
    var list = document.getElementById('confirm-unanswered');
    list.innerHTML = '';
    if (unanswered.length) {
      summary.textContent = unanswered.length === 1 ? '1 question is not answered:'
        : unanswered.length + ' questions are not answered:';
      unanswered.forEach(function (position) {
        var item = document.createElement('li');
        item.textContent = 'Question ' + position;
        list.append(item);
      });
    } else {
      summary.textContent = 'Every question is answered.';
    }
    dialog.showModal();
  });

  document.getElementById('confirm-no').addEventListener('click', function () { dialog.close(); });
  document.getElementById('confirm-yes').addEventListener('click', function () {
    var button = this;
    button.disabled = true;
    submit().catch(function () {
      button.disabled = false;
      dialog.close();
      setOnline(false);
      connection.textContent = 'Your answers could not all be sent yet, so the quiz was not submitted. They are '
        + 'kept on this device; submit again when you are back online.';
    });
  });

  // ---- Start: answers left unsent by an earlier visit win over what the server had ---------------------

  Object.keys(pending).forEach(function (position) {
    var section = document.getElementById('q-' + position);
    if (!section) {
      delete pending[position];
      return;
    }
    applyAnswer(section, pending[position].answer);
    document.getElementById('q-' + position + '-flag').checked = pending[position].flagged;
    updatePalette(section);
    setState(section, 'Not sent yet: kept on this device', 'pending');
  });
  writePending();
  flush();
  tick();
  setInterval(tick, 250);
  setInterval(syncWithServer, 30000);
}());
