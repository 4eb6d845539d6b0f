// The admin's rich text editor: django-prose-editor with exactly the features
// the server's allow-list keeps (commission/richtext.py). Loaded as a module
// from a file, with the editor imported by its address: no inline import map,
// so the Content-Security-Policy stays strict. Text pasted from Word keeps its
// paragraphs, headings, lists, links, bold and italic; the rest is dropped by
// the editor's schema and again by the server.
//
// The toolbar and its dialogs speak the admin's language: the admin's change
// form loads Django's JavaScript catalogue (admin:jsi18n, a file, before this
// module) whose strings come from locale/*/LC_MESSAGES/djangojs.po.
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Editor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  createMenuFromGroups,
  Paragraph,
  Text,
  initializeEditors,
} from "../django_prose_editor/editor.js";

const SELECTOR = "textarea[data-richtext]";

const gettext = window.gettext || ((text) => text);
// Marks a string for the catalogue without translating it here.
const gettext_noop = (text) => text;

// The editor's own strings in the dialogs this toolbar opens (the link's):
// django-prose-editor passes them to window.gettext itself. Not used at run
// time: listed here so that `makemessages -d djangojs` puts them in the
// catalogue; the installed editor's sources are checked against this list
// (tests/test_catalogues.py).
const EDITOR_STRINGS = [
  gettext_noop("Edit Link"),
  gettext_noop("URL"),
  gettext_noop("Title"),
  gettext_noop("Update"),
  gettext_noop("Cancel"),
];

// The toolbar's buttons by the editor's item names: the editor labels them in
// English only, so each gets its tooltip and accessible name from here.
const LABELS = {
  heading2: gettext("Heading 2"),
  heading3: gettext("Heading 3"),
  heading4: gettext("Heading 4"),
  paragraph: gettext("Paragraph"),
  mixed: gettext("Several styles"),
  bulletList: gettext("Bulleted list"),
  orderedList: gettext("Numbered list"),
  blockquote: gettext("Quotation"),
  bold: gettext("Bold"),
  italic: gettext("Italic"),
  link: gettext("Insert link"),
  unlink: gettext("Remove link"),
  "history:undo": gettext("Undo"),
  "history:redo": gettext("Redo"),
};

// The editor's default layout, less the groups of features left out here.
const GROUPS = [
  { group: "blockType -lists", type: "dropdown", minItems: 2 },
  { group: "lists" },
  { group: "nodes -blockType -lists" },
  { group: "marks" },
  { group: "link" },
  { group: "history" },
];
const layOutMenu = createMenuFromGroups(GROUPS);

// Menu.configure({ items }) builds the toolbar once every item is defined:
// each is labelled in the admin's language, then laid out as by default.
function translatedMenu(context) {
  for (const item of context.menu.items("blockType lists nodes marks link history")) {
    const label = LABELS[item.name];
    if (!label) continue;
    item.button?.setAttribute("title", label);
    item.button?.setAttribute("aria-label", label);
    if (item.option) item.option.textContent = label;
  }
  const groups = layOutMenu(context);
  // The paragraph-style menu shows a question mark (a fresh copy after every
  // change) when the selection holds several styles: it is named too.
  context.editor.on("transaction", () => {
    for (const group of groups) {
      for (const icon of group.querySelectorAll(".prose-menubar__selected .material-icons")) {
        if (icon.textContent !== "question_mark") continue;
        icon.setAttribute("title", LABELS.mixed);
        icon.setAttribute("aria-label", LABELS.mixed);
      }
    }
  });
  return groups;
}

const EXTENSIONS = [
  Document,
  Dropcursor,
  Gapcursor,
  Paragraph,
  HardBreak,
  Text,
  History,
  Menu.configure({ items: translatedMenu }),
  Heading.configure({ levels: [2, 3, 4] }),
  Bold,
  Italic,
  BulletList,
  // No list numbering styles, no links opening new windows: the server's
  // allow-list keeps neither (an <ol>'s attributes, a link's target).
  OrderedList.configure({ enableListAttributes: false }),
  ListItem,
  Blockquote,
  Link.configure({ enableTarget: false }),
];

// As django-prose-editor's createTextareaEditor, with one difference: the
// editor's own CSS is not injected as a <style> element (the CSP forbids it);
// django_prose_editor/editor.css, a file, carries the same rules.
function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) return null;
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = document.createElement("div");
  wrapper.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  return new Editor({
    element: wrapper,
    editable: !disabled,
    injectCSS: false,
    extensions: EXTENSIONS,
    content: textarea.value,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An empty editor is an empty field, not "<p></p>".
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
}

initializeEditors(createEditor, SELECTOR);
