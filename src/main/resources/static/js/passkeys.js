// Passkeys through Spring Security's WebAuthn endpoints: the browser's credential API
// speaks ArrayBuffers, the endpoints speak base64url JSON, and this file translates.
(function () {
  'use strict';

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // The form's own CSRF token, sent as the header Spring Security reads.
  function post(form, url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-TOKEN': form.querySelector('input[name="_csrf"]').value
      },
      body: (body === undefined) ? undefined : JSON.stringify(body)
    });
  }

  function say(form, key) {
    var status = form.querySelector('[data-passkey-status]');
    // Styled as a notice only once it says something: an empty, hidden notice would
    // still be one to whatever looks for the page's notices.
    status.textContent = status.getAttribute('data-' + key);
    status.className = 'notice error';
    status.hidden = false;
  }

  function supported(form) {
    if (window.PublicKeyCredential && navigator.credentials) {
      return true;
    }
    say(form, 'unsupported');
    form.querySelector('button').disabled = true;
    return false;
  }

  var signIn = document.getElementById('passkey-sign-in');
  if (signIn && supported(signIn)) {
    signIn.addEventListener('submit', function (event) {
      event.preventDefault();
      post(signIn, signIn.getAttribute('data-options'))
        .then(function (response) { return response.json(); })
        .then(function (options) {
          options.challenge = toBuffer(options.challenge);
          (options.allowCredentials || []).forEach(function (c) { c.id = toBuffer(c.id); });
          return navigator.credentials.get({ publicKey: options });
        })
        .then(function (credential) {
          return post(signIn, signIn.getAttribute('action'), {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            type: credential.type,
            response: {
              authenticatorData: toBase64url(credential.response.authenticatorData),
              clientDataJSON: toBase64url(credential.response.clientDataJSON),
              signature: toBase64url(credential.response.signature),
              userHandle: credential.response.userHandle ? toBase64url(credential.response.userHandle) : null
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment
          });
        })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          if (result.authenticated) {
            window.location.href = result.redirectUrl;
          } else {
            say(signIn, 'failed');
          }
        })
        .catch(function () { say(signIn, 'failed'); });
    });
  }

  var register = document.getElementById('passkey-register');
  if (register && supported(register)) {
    register.addEventListener('submit', function (event) {
      event.preventDefault();
      var label = register.querySelector('input[name="label"]');
      var field = label.closest('.field');
      if (!label.value.trim()) {
        field.classList.add('has-error');
        field.querySelector('.field-error').hidden = false;
        label.focus();
        return;
      }
      field.classList.remove('has-error');
      field.querySelector('.field-error').hidden = true;
      post(register, register.getAttribute('data-options'))
        .then(function (response) { return response.json(); })
        .then(function (options) {
          options.challenge = toBuffer(options.challenge);
          options.user.id = toBuffer(options.user.id);
          (options.excludeCredentials || []).forEach(function (c) { c.id = toBuffer(c.id); });
          return navigator.credentials.create({ publicKey: options });
        })
        .then(function (credential) {
          return post(register, register.getAttribute('action'), {
            publicKey: {
              credential: {
                id: credential.id,
                rawId: toBase64url(credential.rawId),
                type: credential.type,
                response: {
                  attestationObject: toBase64url(credential.response.attestationObject),
                  clientDataJSON: toBase64url(credential.response.clientDataJSON),
                  transports: credential.response.getTransports ? credential.response.getTransports() : []
                },
                clientExtensionResults: credential.getClientExtensionResults(),
                authenticatorAttachment: credential.authenticatorAttachment
              },
              label: label.value.trim()
            }
          });
        })
        .then(function (response) {
          if (response.ok) {
            window.location.href = register.getAttribute('data-done');
          } else {
            say(register, 'failed');
          }
        })
        .catch(function () { say(register, 'failed'); });
    });
  }
}());
