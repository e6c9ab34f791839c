// Placeholder until the page is written.
export default function RunPage() {
  return <p>RunPage</p>;
}
