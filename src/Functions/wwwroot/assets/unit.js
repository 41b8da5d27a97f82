/* Progressive help for the unit's pages: per-item uploads with a progress bar, and printing.
   Everything else works without it; without it, the page says how to hand in evidence instead. */
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function upload(box, file, done) {
    var bar = box.querySelector('progress');
    var status = box.querySelector('.upload-status');
    var list = box.querySelector('ul.files');
    var xhr = new XMLHttpRequest();
    var url = '/api/cases/' + encodeURIComponent(box.dataset.case) + '/items/' + encodeURIComponent(box.dataset.item) +
      '/ledgers';
    xhr.open('PUT', url);
    // The name goes in a header, not the URL: URLs land in access logs, and a register's name can name a child.
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Authorization', 'Bearer ' + box.dataset.token);
    bar.value = 0;
    status.classList.remove('error');
    status.textContent = '正在上传：' + file.name;
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.value = Math.round(e.loaded * 100 / e.total); }
    };
    xhr.onload = function () {
      if (xhr.status === 201) {
        var name = file.name;
        try { name = JSON.parse(xhr.responseText).fileName || name; } catch (ignored) { /* keep the local name */ }
        var li = document.createElement('li');
        li.textContent = name + '（刚刚上传）';
        list.appendChild(li);
        bar.value = 100;
        status.textContent = '已上传：' + name;
      } else {
        var message = '上传失败，请重试。';
        try { message = JSON.parse(xhr.responseText).title || message; } catch (ignored) { /* keep the plain message */ }
        status.textContent = file.name + '：' + message;
        status.classList.add('error');
      }
      done();
    };
    xhr.onerror = function () {
      status.textContent = file.name + '：网络中断，上传失败，请重试。';
      status.classList.add('error');
      done();
    };
    xhr.send(file);
  }

  document.querySelectorAll('[data-upload]').forEach(function (box) {
    var input = box.querySelector('input[type=file]');
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files);
      box.dataset.busy = 'true';
      (function next() {
        var file = files.shift();
        if (!file) { input.value = ''; box.dataset.busy = 'false'; return; }
        upload(box, file, next);
      })();
    });
  });

  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
})();
