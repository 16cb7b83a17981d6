export { AskPrompt, type AskSpec, type AskPromptOptions, type ChoiceSpec, type PromptDeps } from './askPrompt';
export { AskChoicePrompt } from './choicePrompt';
export { AskYesNoPrompt, YES_NO_CHOICES } from './yesNoPrompt';
export { AskAgeOrBirthDatePrompt } from './ageOrBirthDatePrompt';
export { AskOptionalTextPrompt, type OptionalText } from './optionalTextPrompt';
