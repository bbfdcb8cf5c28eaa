// Mantine's base styles only: the full styles.css is 290 kB, and the first
// screen is built from plain elements (first-screen.css). Each screen or
// dialog loaded on demand imports the stylesheets of its own components.
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
