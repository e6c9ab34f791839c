// Placeholder until the page is written.
export default function TaskPage() {
  return <p>TaskPage</p>;
}
