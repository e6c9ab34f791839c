// Placeholder until the page is written.
export default function WorkflowPage() {
  return <p>WorkflowPage</p>;
}
