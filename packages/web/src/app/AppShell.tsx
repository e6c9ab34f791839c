/**
 * The frame of every signed-in page: the top bar with the navigation, the notifications bell with a
 * live unread count, and the user's menu; a skip link to the main content for keyboard users, and
 * the focus kept on the page's content when a move to another page took it away.
 */
import { AppBar, Badge, Box, Button, IconButton, Link, Menu, MenuItem, Toolbar, Tooltip, Typography } from '@mui/material';
import NotificationsIcon from '@mui/icons-material/Notifications';
import { Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useNavigationType } from 'react-router';
import { Loading } from '../components/PageStates';
import { useAuth, useUser } from './auth';
import { useLiveNotifications } from './live-notifications';

const NAV = [
  { to: '/workflows', label: 'Workflows' },
  { to: '/runs', label: 'Runs' },
  { to: '/approvals', label: 'Approvals' },
  { to: '/templates', label: 'Templates' },
  { to: '/components', label: 'Components' },
] as const;

export function AppShell() {
  const user = useUser();
  const { signOut } = useAuth();
  const { unread } = useLiveNotifications();
  const navigate = useNavigate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const name = user.displayName ?? user.userEntityRef.replace(/^user:default\//, '');
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const shownPath = useRef(pathname);

  // A link or button that goes to another page usually goes away with the page it was on, and the
  // focus with it (to the document's body): put it on the new page's content instead, so that Tab
  // continues there and screen readers are told where they are. Not after a redirect (from / after
  // signing in): that is a first page, whose first stop is the skip link.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (navigationType === 'REPLACE') return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) mainRef.current?.focus({ preventScroll: true });
  }, [pathname, navigationType]);

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Link href="#main" sx={{ position: 'absolute', left: -9999, '&:focus': { left: 8, top: 8, zIndex: 2000, bgcolor: 'background.paper', p: 1 } }}>
        Skip to content
      </Link>
      <AppBar position="sticky" elevation={0} color="primary">
        <Toolbar sx={{ gap: 1 }}>
          <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2 }}>
            Sluice
          </Typography>
          <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5, flexGrow: 1 }}>
            {NAV.map((n) => (
              <Button
                key={n.to}
                component={NavLink}
                to={n.to}
                color="inherit"
                sx={{ textTransform: 'none', fontSize: 15, '&.active': { bgcolor: 'rgba(255,255,255,0.18)' } }}
              >
                {n.label}
              </Button>
            ))}
          </Box>
          <Tooltip title="Notifications">
            <IconButton color="inherit" component={NavLink} to="/notifications" aria-label={`Notifications, ${unread} unread`}>
              <Badge badgeContent={unread} color="error" max={99} data-testid="unread-count">
                <NotificationsIcon />
              </Badge>
            </IconButton>
          </Tooltip>
          <Button color="inherit" onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-label={`Signed in as ${name}`} sx={{ textTransform: 'none' }}>
            {name}
            {user.isAdmin ? ' (admin)' : ''}
          </Button>
          <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
            <MenuItem disabled>{user.userEntityRef}</MenuItem>
            <MenuItem
              onClick={() => {
                setAnchor(null);
                signOut();
                void navigate('/');
              }}
            >
              Sign out
            </MenuItem>
          </Menu>
        </Toolbar>
      </AppBar>
      <Box component="main" id="main" ref={mainRef} tabIndex={-1} sx={{ p: 3, maxWidth: 1400, mx: 'auto', outline: 'none' }}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </Box>
    </Box>
  );
}
