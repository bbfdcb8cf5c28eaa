// The floor of the start-up benchmark: the smallest React page that renders one line.
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';

function Line() {
  useEffect(() => {
    // Same definition as the app: after the frame showing the line is painted.
    requestAnimationFrame(() => setTimeout(() => performance.mark('accord:interactive'), 0));
  }, []);
  return <p>Accord</p>;
}

createRoot(document.getElementById('root')!).render(<Line />);
