// The report and update forms are multipart for their photos. Sent without a new photo, a form goes as a plain
// form instead, which the server reads faster (the report form has some 150 fields, each a part of a multipart
// post): the photos a form already holds travel as their ids. Without this script the form still works, multipart.
(function () {
  'use strict';
  document.querySelectorAll('form[enctype="multipart/form-data"]').forEach(function (form) {
    var files = form.querySelector('input[type=file][name=photos]');
    if (!files) {
      return;
    }
    form.addEventListener('submit', function () {
      form.enctype = files.files.length > 0 ? 'multipart/form-data' : 'application/x-www-form-urlencoded';
    });
  });
})();
