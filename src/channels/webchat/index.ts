export { addWebChatRoutes, contentSecurityPolicy, LANGUAGE_COOKIE } from './webChatRoutes';
export { renderWebChatPage, WebChatPage, type WebChatPageInput } from './webChatPage';
export { loadWebChatCatalogue, languageFromAcceptLanguage, WEBCHAT_TEXT_KEYS, type WebChatBundle, type WebChatCatalogue, type WebChatLanguage, type WebChatTexts } from './webChatTexts';
export { WEB_CHAT_STRING_IDS, WEB_CHAT_STRINGS_NOT_SHOWN, webChatTokens, type WebChatStrings } from './webChatStrings';
export { webChatDates, type WebChatDates } from './webChatDates';
