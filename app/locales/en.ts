import type fa from "./fa";

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English resources: the second language, with exactly the keys of `fa.ts` (the type checker holds this). */
const en: Strings<typeof fa> = {
  app: {
    name: "National Register-based Census HQ — Secretariat",
    shortName: "Census HQ Secretariat",
    skipToContent: "Skip to content",
  },
  nav: {
    label: "Main navigation",
    home: "Home",
    organisation: "Organisation chart",
    bodies: "HQ and committees",
    people: "People",
    signOut: "Sign out",
    language: "فارسی",
    languageLabel: "Change language",
    signedInAs: "Signed in: {{name}}",
  },
  roles: {
    admin: "Administrator",
    secretariat: "Secretariat",
    chair: "Committee chair",
    member: "Member",
  },
  membershipRoles: {
    chair: "Chair",
    secretary: "Secretary",
    member: "Member",
  },
  bodyKinds: {
    headquarters: "Headquarters",
    council: "Council",
    committee: "Committee",
    secretariat: "Secretariat",
  },
  login: {
    title: "Sign in",
    intro: "Enter your username and password to continue.",
    username: "Username",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in…",
    errors: {
      usernameRequired: "Enter your username.",
      passwordRequired: "Enter your password.",
      invalid: "The username or password is wrong.",
    },
  },
  home: {
    title: "Home",
    welcome: "Welcome, {{name}}",
    today: "Today: {{date}}",
    role: "Your role: {{role}}",
    myBodies: "Your memberships",
    noBodies: "You have no recorded memberships.",
    figures: "At a glance",
    bodiesCount: "{{count, count}} active bodies",
    peopleCount: "{{count, count}} people in the directory",
    groupsCount: "{{count, count}} open working groups",
    usersCount: "{{count, count}} user accounts",
  },
  errors: {
    title: "Error",
    notFoundTitle: "Page not found",
    notFound: "The address you opened does not exist or has moved.",
    forbiddenTitle: "Access denied",
    forbidden: "Your role does not allow you to see or do this.",
    serverTitle: "System error",
    server: "Something went wrong. Please try again; if it happens again, tell the secretariat.",
    backHome: "Back to home",
  },
  date: {
    placeholder: "1404/01/19",
    openCalendar: "Open calendar",
    calendar: "Calendar",
    previousMonth: "Previous month",
    nextMonth: "Next month",
    today: "Today",
    close: "Close",
    hint: "As year/month/day, e.g. 1404/01/19",
    errors: {
      empty: "Enter a date.",
      format: "Write the date as year/month/day, e.g. 1404/01/19.",
      year: "Write the year with four digits, e.g. 1404/01/19.",
      invalid: "This date does not exist in the calendar (wrong day or month).",
    },
  },
  timeframe: {
    days: "{{count, plain}} days",
    weeks: "{{count, plain}} weeks",
    standing: "Standing",
  },
  common: {
    save: "Save",
    cancel: "Cancel",
    edit: "Edit",
    delete: "Delete",
    back: "Back",
    yes: "Yes",
    no: "No",
    none: "—",
  },
};

export default en;
