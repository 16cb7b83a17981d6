export { addWebChatRoutes, contentSecurityPolicy, LANGUAGE_COOKIE } from './webChatRoutes';
export { renderWebChatPage, WebChatPage, type WebChatPageInput } from './webChatPage';
export { loadWebChatCatalogue, languageFromAcceptLanguage, WEBCHAT_TEXT_KEYS, type WebChatLanguage, type WebChatTexts } from './webChatTexts';
