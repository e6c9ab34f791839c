// Placeholder until the page is written.
export default function NotificationsPage() {
  return <p>NotificationsPage</p>;
}
