import './mantine-ui-styles';
import '@mantine/notifications/styles.css';
import { Notifications, notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { connectNotifications } from './notify';

/** The notifications host, loaded on demand (see App). */
export function LazyNotifications() {
  useEffect(() => {
    connectNotifications((notice) =>
      notifications.show({ message: notice.message, title: notice.title, color: notice.tone === 'error' ? 'red' : notice.tone === 'warning' ? 'orange' : undefined, ...(notice.tone === 'warning' ? { autoClose: false, withBorder: true, styles: { description: { color: 'var(--mantine-color-text)' }, title: { fontSize: 'var(--mantine-font-size-md)' } } } : {}), closeButtonProps: { 'aria-label': 'Dismiss this message' } }),
    );
  }, []);
  return <Notifications position="bottom-right" />;
}
