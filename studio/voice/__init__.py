"""Voice: audio capture and speech-to-text for push-to-talk tweaks."""
