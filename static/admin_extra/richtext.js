// The admin's rich text editor: django-prose-editor with exactly the features
// the server's allow-list keeps (commission/richtext.py). Loaded as a module
// from a file, with the editor imported by its address: no inline import map,
// so the Content-Security-Policy stays strict. Text pasted from Word keeps its
// paragraphs, headings, lists, links, bold and italic; the rest is dropped by
// the editor's schema and again by the server.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  createTextareaEditor,
  initializeEditors,
} from "../django_prose_editor/editor.js";

const SELECTOR = "textarea[data-richtext]";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  return createTextareaEditor(textarea, [
    Document,
    Dropcursor,
    Gapcursor,
    Paragraph,
    HardBreak,
    Text,
    History,
    Menu,
    Heading.configure({ levels: [2, 3, 4] }),
    Bold,
    Italic,
    BulletList,
    OrderedList,
    ListItem,
    Blockquote,
    Link,
  ]);
}

initializeEditors(createEditor, SELECTOR);
