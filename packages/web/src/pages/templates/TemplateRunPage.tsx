// Placeholder until the page is written.
export default function TemplateRunPage() {
  return <p>TemplateRunPage</p>;
}
