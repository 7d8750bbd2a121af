import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Listeners are registered synchronously here so a worker woken by a message never misses it.
});
