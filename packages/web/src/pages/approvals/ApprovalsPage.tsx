// Placeholder until the page is written.
export default function ApprovalsPage() {
  return <p>ApprovalsPage</p>;
}
