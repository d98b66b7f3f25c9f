'use strict';
(function () {
  const messages = {
    rejected: 'The stored API key was rejected. Paste a valid key.',
    empty: 'Paste an API key first.'
  };
  const error = new URLSearchParams(window.location.search).get('error');
  const element = document.getElementById('error');
  if (error && messages[error]) {
    element.textContent = messages[error];
    element.hidden = false;
  }
})();
