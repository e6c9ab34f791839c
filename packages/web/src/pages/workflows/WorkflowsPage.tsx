// Placeholder until the page is written.
export default function WorkflowsPage() {
  return <p>WorkflowsPage</p>;
}
