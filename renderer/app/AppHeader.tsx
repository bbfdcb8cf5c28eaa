import { ActionIcon, Group, Menu, Text, Tooltip, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconHeartHandshake, IconMoon, IconSun } from '@tabler/icons-react';
import { useNavigation } from '../store/stores';

/** The bar above every screen: the wordmark (back to the library) and the theme choice. */
export function AppHeader() {
  const navigate = useNavigation((state) => state.navigate);
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const ThemeIcon = colorScheme === 'dark' ? IconMoon : colorScheme === 'light' ? IconSun : IconDeviceDesktop;
  return (
    <Group h="100%" px="xl" justify="space-between" component="nav" aria-label="Application">
      <UnstyledButton onClick={() => navigate({ screen: 'library' })} aria-label="Accord, back to the workshop library">
        <Group gap={10}>
          <IconHeartHandshake size={30} stroke={1.6} color="var(--mantine-primary-color-filled)" aria-hidden />
          <Text fw={720} fz={22} lts={-0.3}>
            Accord
          </Text>
        </Group>
      </UnstyledButton>
      <Menu position="bottom-end" width={200} withinPortal>
        <Menu.Target>
          <Tooltip label="Theme" openDelay={400}>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Choose the colour theme">
              <ThemeIcon size={20} stroke={1.7} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Colour theme</Menu.Label>
          <Menu.Item leftSection={<IconDeviceDesktop size={16} />} onClick={() => setColorScheme('auto')}>
            Follow the system
          </Menu.Item>
          <Menu.Item leftSection={<IconSun size={16} />} onClick={() => setColorScheme('light')}>
            Light
          </Menu.Item>
          <Menu.Item leftSection={<IconMoon size={16} />} onClick={() => setColorScheme('dark')}>
            Dark
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
