// Placeholder until the page is written.
export default function ComponentsPage() {
  return <p>ComponentsPage</p>;
}
