// Records script errors and console.error calls into <body data-errors>, so a headless browser
// (and a curious reader) can tell a page that drew from one that broke.
(function () {
  'use strict';
  var errors = [];
  function record(message) {
    errors.push(String(message));
    document.body.setAttribute('data-errors', errors.join(' | '));
  }
  window.addEventListener('error', function (event) {
    record(event.message || (event.target && event.target.tagName + ' failed to load'));
  }, true);
  window.addEventListener('unhandledrejection', function (event) { record(event.reason); });
  var consoleError = console.error;
  console.error = function () {
    record(Array.prototype.join.call(arguments, ' '));
    consoleError.apply(console, arguments);
  };
  document.body.setAttribute('data-errors', '');
})();
