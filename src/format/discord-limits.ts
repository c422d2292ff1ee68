/**
 * Discord's limits on what a bot sends, as Discord's documentation names them.
 * Lengths are counted in UTF-16 code units here, which is never less than
 * Discord's count in code points, so text that fits here fits there.
 */
export const CONTENT_MAX = 2000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4096;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1024;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FOOTER_MAX = 2048;
export const EMBED_AUTHOR_NAME_MAX = 256;
/** All the text of all embeds of one message: titles, descriptions, field names and values, footers, author names. */
export const EMBED_TOTAL_MAX = 6000;
export const EMBEDS_PER_MESSAGE_MAX = 10;
export const CUSTOM_ID_MAX = 100;
export const BUTTON_LABEL_MAX = 80;
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;
