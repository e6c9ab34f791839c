// Placeholder until the page is written.
export default function TemplatesPage() {
  return <p>TemplatesPage</p>;
}
