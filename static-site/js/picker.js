// Picking a photo: the file input and dropping a file anywhere on the page.

/** onFile(file) for each photo picked or dropped; accepting() says whether a drop is taken now. */
export function initPhotoPicker({ input, dropZone, accepting, onFile }) {
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    if (file) onFile(file);
    // Clear so picking the same file again still fires "change".
    input.value = '';
  });

  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth++;
    dropZone.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (!dragDepth) dropZone.classList.remove('dragging');
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // otherwise the browser opens the dropped photo itself
    if (e.dataTransfer) e.dataTransfer.dropEffect = accepting() ? 'copy' : 'none';
  });
  window.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    dropZone.classList.remove('dragging');
    if (!accepting()) return;
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (file) onFile(file);
  });
}
