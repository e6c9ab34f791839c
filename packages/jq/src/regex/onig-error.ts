/**
 * Pattern errors with Oniguruma 6.9.8's exact message texts (jq 1.6 reports them as
 * `Regex failure: <message>`), plus our own message for valid patterns we cannot translate.
 * @module
 */

/** Oniguruma error messages by a short code; `%n` is replaced by the offending name. */
const MESSAGES = {
  END_PATTERN_AT_ESCAPE: 'end pattern at escape',
  END_PATTERN_AT_CONTROL: 'end pattern at control',
  EMPTY_CHAR_CLASS: 'empty char-class',
  PREMATURE_END_OF_CHAR_CLASS: 'premature end of char-class',
  CHAR_CLASS_VALUE_AT_END_OF_RANGE: 'char-class value at end of range',
  UNMATCHED_RANGE_SPECIFIER_IN_CHAR_CLASS: 'unmatched range specifier in char-class',
  TARGET_OF_REPEAT_OPERATOR_NOT_SPECIFIED: 'target of repeat operator is not specified',
  TARGET_OF_REPEAT_OPERATOR_INVALID: 'target of repeat operator is invalid',
  UNMATCHED_CLOSE_PARENTHESIS: 'unmatched close parenthesis',
  END_PATTERN_WITH_UNMATCHED_PARENTHESIS: 'end pattern with unmatched parenthesis',
  END_PATTERN_IN_GROUP: 'end pattern in group',
  UNDEFINED_GROUP_OPTION: 'undefined group option',
  INVALID_POSIX_BRACKET_TYPE: 'invalid POSIX bracket type',
  TOO_BIG_NUMBER: 'too big number',
  TOO_BIG_NUMBER_FOR_REPEAT_RANGE: 'too big number for repeat range',
  UPPER_SMALLER_THAN_LOWER_IN_REPEAT_RANGE: 'upper is smaller than lower in repeat range',
  EMPTY_RANGE_IN_CHAR_CLASS: 'empty range in char class',
  TOO_SHORT_MULTI_BYTE_STRING: 'too short multibyte code string',
  INVALID_BACKREF: 'invalid backref number/name',
  TOO_LONG_WIDE_CHAR_VALUE: 'too long wide-char value',
  INVALID_CODE_POINT_VALUE: 'invalid code point value',
  EMPTY_GROUP_NAME: 'group name is empty',
  INVALID_GROUP_NAME: 'invalid group name <%n>',
  INVALID_CHAR_IN_GROUP_NAME: 'invalid char in group name <%n>',
  UNDEFINED_NAME_REFERENCE: 'undefined name <%n> reference',
  UNDEFINED_GROUP_REFERENCE: 'undefined group <%n> reference',
  MULTIPLEX_DEFINITION_NAME_CALL: 'multiplex definition name <%n> call',
  NEVER_ENDING_RECURSION: 'never ending recursion',
  INVALID_CHAR_PROPERTY_NAME: 'invalid character property name {%n}',
  INVALID_IF_ELSE_SYNTAX: 'invalid if-else syntax',
  INVALID_CALLOUT_NAME: 'invalid callout name',
  INVALID_CALLOUT_PATTERN: 'invalid callout pattern',
  INVALID_CALLOUT_TAG_NAME: 'invalid callout tag name',
  INVALID_CALLOUT_ARG: 'invalid callout arg',
  INVALID_LOOK_BEHIND_PATTERN: 'invalid pattern in look-behind',
  UNDEFINED_CALLOUT_NAME: 'undefined callout name',
} as const;

/** The code of an Oniguruma pattern error. @internal */
export type OnigErrorCode = keyof typeof MESSAGES;

/**
 * A pattern that Oniguruma would reject (`message` is its text), or one that it accepts but this
 * engine cannot run (`unsupported` is true, `message` says what).
 */
export class OnigPatternError extends Error {
  readonly unsupported: boolean;

  constructor(message: string, unsupported = false) {
    super(message);
    this.name = 'OnigPatternError';
    this.unsupported = unsupported;
  }
}

/** An Oniguruma error; `name` fills the `%n` of the message (empty when Oniguruma has none). @internal */
export function onigError(code: OnigErrorCode, name = ''): OnigPatternError {
  return new OnigPatternError(MESSAGES[code].replace('%n', name));
}

/** A construct Oniguruma accepts but JavaScript cannot emulate (docs/regex-differences.md). @internal */
export function unsupportedError(what: string): OnigPatternError {
  return new OnigPatternError(`${what} is not supported by this jq (see docs/regex-differences.md)`, true);
}
