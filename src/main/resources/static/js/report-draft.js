// The report form keeps a draft on this device while the patient fills it in, and sends
// it when the connection comes back.
//
// - The draft is saved to localStorage on every change, under the signed-in account's
//   opaque key (data-draft-key, never the e-mail), with the form's one-time token; files
//   (photos) are not kept. It comes back when the form is opened again ("Draft restored").
// - It is removed after a successful send, by "Discard draft", at sign-out (app.js
//   clears every draft) and when it is older than MAX_AGE.
// - A submit goes by fetch, as the browser would send the form (photos and the button
//   pressed included), once, and the server's answer is shown. Offline (or a network
//   error), the patient is told so and may choose "Send when back online": at the next
//   'online' event the form is sent once, with the same token, so that even a send that
//   reached the server before the connection dropped makes no second report.
// - A session or CSRF token that ran out meanwhile keeps the draft and asks the patient to
//   sign in again; the link goes back to the form, where the draft is restored.
// - The language switch reloads the page, and the draft comes back on it: the note beside
//   the switch says so once a draft can be kept here (without storage, it says what is
//   typed is lost).
(function () {
  'use strict';

  var PREFIX = 'aftercare.draft.';
  var MAX_AGE = 7 * 24 * 60 * 60 * 1000;

  var form = document.querySelector('form[data-draft-key]');
  if (!form || !window.fetch || !storageWorks()) {
    return;
  }
  var storageKey = PREFIX + form.getAttribute('data-draft-key') + '.report';
  var tokenInput = form.querySelector('input[name="formToken"]');
  var pageToken = tokenInput ? tokenInput.value : null;
  var sending = false;
  var sendWhenOnline = false;

  // Storage can be there and still refuse to keep anything (turned off, or full).
  function storageWorks() {
    try {
      var probe = PREFIX + 'probe';
      window.localStorage.setItem(probe, '1');
      window.localStorage.removeItem(probe);
      return true;
    }
    catch (e) {
      return false;
    }
  }

  function part(name) {
    return document.querySelector('[data-draft-' + name + ']');
  }

  function show(name, visible) {
    var element = part(name);
    if (element) {
      element.hidden = !visible;
    }
  }

  function only(name) {
    ['offline', 'waiting', 'sending', 'signed-out'].forEach(function (other) {
      show(other, other === name);
    });
  }

  // Whatever a person typed or chose; not the CSRF token, Spring's checkbox markers,
  // the fixed hidden fields or files.
  function kept(element) {
    if (!element.name || element.disabled || element.name === '_csrf' || element.name.charAt(0) === '_') {
      return false;
    }
    return element.type !== 'hidden' && element.type !== 'file' && element.type !== 'submit'
      && element.type !== 'button';
  }

  function read() {
    try {
      var draft = JSON.parse(localStorage.getItem(storageKey));
      if (!draft || !draft.fields || Date.now() - draft.savedAt > MAX_AGE) {
        localStorage.removeItem(storageKey);
        return null;
      }
      return draft;
    }
    catch (e) {
      return null;
    }
  }

  function save() {
    var fields = [];
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element)) {
        return;
      }
      if (element.type === 'checkbox' || element.type === 'radio') {
        if (element.checked) {
          fields.push([element.name, element.value]);
        }
      }
      else {
        fields.push([element.name, element.value]);
      }
    });
    try {
      localStorage.setItem(storageKey, JSON.stringify({
        savedAt: Date.now(),
        token: tokenInput ? tokenInput.value : null,
        fields: fields
      }));
      show('bar', true);
    }
    catch (e) {
      // Storage full or turned off: the form still works, without a draft.
    }
  }

  function clear() {
    try {
      localStorage.removeItem(storageKey);
    }
    catch (e) {
      // Nothing was kept.
    }
  }

  function restore(draft) {
    var values = {};
    var chosen = {};
    draft.fields.forEach(function (field) {
      values[field[0]] = field[1];
      chosen[field[0] + '\u0000' + field[1]] = true;
    });
    Array.prototype.forEach.call(form.elements, function (element) {
      if (!kept(element)) {
        return;
      }
      if (element.type === 'checkbox' || element.type === 'radio') {
        element.checked = chosen[element.name + '\u0000' + element.value] === true;
      }
      else if (Object.prototype.hasOwnProperty.call(values, element.name)) {
        element.value = values[element.name];
      }
    });
    // The draft's own token: should it have reached the server already, sending it again
    // leads to that report instead of a second one.
    if (tokenInput && draft.token) {
      tokenInput.value = draft.token;
    }
  }

  function discard() {
    clear();
    form.reset();
    if (tokenInput && pageToken) {
      tokenInput.value = pageToken;
    }
    sendWhenOnline = false;
    show('restored', false);
    show('bar', false);
    only(null);
  }

  function signedOut(response) {
    if (response.status === 401 || response.status === 403) {
      return true;
    }
    var login = form.getAttribute('data-login-url');
    return response.redirected && login && new URL(response.url).pathname === new URL(login, location.href).pathname;
  }

  // Not sent: the patient is told, and a send the patient asked for waits for the next
  // 'online' event.
  function offline(waiting) {
    sending = false;
    sendWhenOnline = waiting;
    only(waiting ? 'waiting' : 'offline');
  }

  // The form as the browser would send it: multipart with the chosen photos when the
  // photo field's script left it multipart (a photo chosen), else a plain form, in which a
  // file input sends no file; and the button it was sent with ("add these photos"), which
  // FormData leaves out.
  function body(submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) {
      data.append(submitter.name, submitter.value);
    }
    if (form.enctype === 'multipart/form-data') {
      return data;
    }
    var plain = new URLSearchParams();
    data.forEach(function (value, name) {
      if (typeof value === 'string') {
        plain.append(name, value);
      }
    });
    return plain;
  }

  // The server's answer that is not the advice page (a field to correct, photos added and
  // the form shown again with them, not saved yet) is shown as it came, rather than by
  // sending the form a second time: a second post would decode and stage its photos again
  // and would lose the button it was sent with.
  function showAnswer(response) {
    if (response.redirected) {
      location.replace(response.url);
      return undefined;
    }
    return response.text().then(function (html) {
      document.open();
      document.write(html);
      document.close();
    });
  }

  function send(waiting, submitter) {
    if (sending) {
      return;
    }
    if (!navigator.onLine) {
      offline(waiting);
      return;
    }
    sending = true;
    sendWhenOnline = false;
    only('sending');
    save();
    fetch(form.action, { method: 'POST', body: body(submitter), credentials: 'same-origin', redirect: 'follow' })
      .then(function (response) {
        if (signedOut(response)) {
          sending = false;
          only('signed-out');
          return undefined;
        }
        var success = form.getAttribute('data-sent-path');
        if (response.ok && response.redirected && success
          && new URL(response.url).pathname.slice(-success.length) === success) {
          clear();
          location.replace(response.url);
          return undefined;
        }
        return showAnswer(response);
      }, function () {
        offline(waiting);
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    send(sendWhenOnline, event.submitter);
  });
  form.addEventListener('input', save);
  form.addEventListener('change', save);

  var later = part('send-later');
  if (later) {
    later.addEventListener('click', function () {
      send(true);
    });
  }
  var discardButton = part('discard');
  if (discardButton) {
    discardButton.addEventListener('click', discard);
  }
  window.addEventListener('online', function () {
    if (sendWhenOnline) {
      send(true);
    }
  });
  window.addEventListener('offline', function () {
    if (!sending) {
      show('sending', false);
    }
  });

  show('switch-lost', false);
  show('switch-kept', true);

  var draft = read();
  if (draft) {
    if (draft.token !== pageToken) {
      // A new form: the draft comes back. (The same token is this draft sent and shown
      // again by the server, which already holds what was typed.)
      restore(draft);
      show('restored', true);
      show('no-photos', form.querySelector('input[type="file"]') !== null);
    }
    show('bar', true);
  }
}());
