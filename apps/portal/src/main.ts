// The shared modules negotiate before the app starts (module federation needs this async boundary).
import('./bootstrap');
