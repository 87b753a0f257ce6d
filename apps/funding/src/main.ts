// Standalone development entry (inside the portal only ./routes is used).
import('./bootstrap');
