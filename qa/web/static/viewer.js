const go = () => {
  const doc = element.querySelector('.qa-doc');
  if (doc && element.getAttribute('data-qa-focused') !== doc.getAttribute('data-open-id')) {
    element.setAttribute('data-qa-focused', doc.getAttribute('data-open-id'));
    doc.focus({preventScroll: true});
  }
  const mark = element.querySelector('mark.qa-target');
  if (mark) { mark.scrollIntoView({block: 'center'}); window.__qaViewerScrolled = mark.id; }
};
watch('value', () => setTimeout(go, 30));
setTimeout(go, 30);
