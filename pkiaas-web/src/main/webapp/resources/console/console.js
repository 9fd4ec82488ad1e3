// Copy buttons of the console: <button data-copy="id-of-element-with-the-text">.
document.addEventListener('click', function (event) {
  var button = event.target.closest('[data-copy]');
  if (!button) {
    return;
  }
  event.preventDefault();
  var source = document.getElementById(button.getAttribute('data-copy'));
  var text = source.value !== undefined ? source.value : source.textContent;
  navigator.clipboard.writeText(text).then(function () {
    button.setAttribute('aria-label', 'Copied');
    button.textContent = 'Copied';
  }, function () {
    source.select && source.select();
  });
});
