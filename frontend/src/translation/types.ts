// Translation's shapes, as the API gives them (tgdesk.translation).
import type { components } from "../api/schema";

export type TranslationSettings = components["schemas"]["TranslationSettings"];
export type TranslationSettingsChange = components["schemas"]["TranslationSettingsChange"];
export type TranslationPreview = components["schemas"]["TranslationPreview"];
