// Placeholder until the page is written.
export default function RunFormPage() {
  return <p>RunFormPage</p>;
}
