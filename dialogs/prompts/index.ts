export { AskPrompt, renderParams, type AskParam, type AskParams, type AskSpec, type AskPromptOptions, type ChoiceSpec, type PromptDeps } from './askPrompt';
export { AskChoicePrompt } from './choicePrompt';
export { AskYesNoPrompt, YES_NO_CHOICES } from './yesNoPrompt';
export { AskAgeOrBirthDatePrompt } from './ageOrBirthDatePrompt';
export { AskOptionalTextPrompt, type OptionalText } from './optionalTextPrompt';
export { AskCountryPrompt, OTHER_COUNTRY } from './countryPrompt';
