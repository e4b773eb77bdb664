/**
 * What a status word means to the bot: `open` items are chased (target-date
 * reminders, overdue, reviews due); `open-not-chased` items still count as
 * open (the digest's counts, top risks, lists) but get no reminders and are
 * never overdue; `closed` items are done with.
 */
export const STATUS_STATES = ['open', 'open-not-chased', 'closed'] as const;
export type StatusState = (typeof STATUS_STATES)[number];

/** Status words and the state each means, as a settings file or the built-in lists give them. */
export type StatusWords = Readonly<Record<string, StatusState>>;

/**
 * Status words of risk registers. Where the words come from:
 * - PRINCE2 (AXELOS, PRINCE2 Agile A.25 Risk register: "risk status, typically
 *   active or closed"), https://publications.axelos.com/PRINCE2Agile2016/content.aspx?page=pra_204
 * - PMI-style risk life cycle (D. Hillson, "The life cycle of a project risk":
 *   Draft, Rejected, Escalated, Active, Deleted, Expired, Closed, Occurred),
 *   http://exclusive.multibriefs.com/content/the-life-cycle-of-a-project-risk/business-management-services-risk-management
 * - a PMBOK course register (Assessed, Planned, In-Process, Closed, Not occurred, Rejected),
 *   https://sites.google.com/view/deraya/monitoring-controlling-phase/risk-register
 * - UK local government, the "four Ts" as the risk status (Reading Borough Council's
 *   Strategic Risk Register: Treat, Tolerate, Transfer, Terminate),
 *   https://democracy.reading.gov.uk/mgAi.aspx?ID=13423 and http://riskagenda.com/bite5.htm
 * - ISO 31000 / ISO 27001 style treatment registers (Open / Mitigating / Accepted / Closed;
 *   Open / Mitigated / Accepted / Transferred; Open / Monitoring / Closed / Occurred),
 *   https://github.com/beekeeper-lab/foundry (ai-team-library/personas/compliance-risk/templates/risk-register.md),
 *   https://github.com/brandon-barry-1/cursor-pm-copilot (workspace/templates/risk-register.md)
 * - a Notion risk register, whose Status property has Notion's own groups
 *   (Not started, In progress, Done), exported to CSV,
 *   https://florentine-aspen-457.notion.site/How-to-use-1adb582b661080548161e82dd7f1eea1
 *
 * An accepted or tolerated risk is a decision to live with it: it stays on
 * the board's counts but nobody is chased to review or resolve it. A risk
 * that has occurred is now an issue, still open and still chased.
 */
export const RISK_STATUS_WORDS: StatusWords = {
  Open: 'open',
  Active: 'open',
  Live: 'open',
  Current: 'open',
  New: 'open',
  'Not started': 'open',
  Draft: 'open',
  Proposed: 'open',
  Identified: 'open',
  Assessed: 'open',
  Planned: 'open',
  'In progress': 'open',
  'In process': 'open',
  Treat: 'open',
  Treating: 'open',
  Mitigate: 'open',
  Mitigating: 'open',
  Reduce: 'open',
  Reducing: 'open',
  Monitor: 'open',
  Monitoring: 'open',
  'Under review': 'open',
  Escalated: 'open',
  Occurred: 'open',
  Accepted: 'open-not-chased',
  Accept: 'open-not-chased',
  Tolerated: 'open-not-chased',
  Tolerate: 'open-not-chased',
  Retained: 'open-not-chased',
  Retain: 'open-not-chased',
  Closed: 'closed',
  Close: 'closed',
  Retired: 'closed',
  Resolved: 'closed',
  Mitigated: 'closed',
  Transferred: 'closed',
  Transfer: 'closed',
  Terminated: 'closed',
  Terminate: 'closed',
  Avoided: 'closed',
  Expired: 'closed',
  'Not occurred': 'closed',
  Rejected: 'closed',
  Deleted: 'closed',
  Withdrawn: 'closed',
  Archived: 'closed',
  Done: 'closed',
  Complete: 'closed',
  Completed: 'closed',
};

/**
 * Status words of action and implementation plans. Where the words come from:
 * - a project action items template (Open, Closed, Deferred),
 *   https://www.scribd.com/document/620668226/project-actions-template
 * - target status keys (Not started, On track, Complete, At risk, Off track),
 *   https://telescope-ai.atlassian.net/wiki/pages/diffpages.action?originalId=1861713976&pageId=1861779521
 * - strategy deliverable statuses (Not started, In progress, On track, Action required, Ongoing),
 *   https://support.weavr.logitaust.com/support/solutions/articles/51000422709-status-definitions
 * - project statuses (Idea, In progress, On hold, Completed, Cancelled),
 *   https://www.manager-toolkit.com/help/features/projects/project-statuses/
 * - action item statuses (Open, Done, Rejected, Blocked, Postponed),
 *   https://pricefx.atlassian.net/wiki/spaces/KB/pages/4601184348/Action+Item+Status
 * - improvement plan monitoring (not yet started, postponed, cancelled, in progress, finalised),
 *   https://ugep.uib.eu/Arees/Seguiment/PdM/FAQ_PdM/Detall/What-elements-are-included-in-the-monitoring.cid707183
 * - action plan follow-up (On time, Delayed, Canceled, Closed),
 *   https://doc.mega.com/hopex-v5-en/IRM/GRC_Common_Features/GRC_Analyse.Action_Plan_Follow-Up.html
 * - action timelines (Not Started, Past Due, In Progress, Completed - On Time, Completed - Late),
 *   https://help.reliasoft.com/weibull20/action_timeline_and_status.htm
 *
 * Paused work (on hold, deferred, postponed) stays open but is not chased:
 * its lead has been told to stop, and reminders about its date would be noise.
 * Late and blocked work is chased: that is when reminders matter most.
 */
export const ACTION_STATUS_WORDS: StatusWords = {
  'Not started': 'open',
  'Not yet started': 'open',
  'To do': 'open',
  Open: 'open',
  New: 'open',
  Idea: 'open',
  Proposed: 'open',
  Planned: 'open',
  Scheduled: 'open',
  'In progress': 'open',
  Started: 'open',
  Ongoing: 'open',
  Underway: 'open',
  WIP: 'open',
  Active: 'open',
  'On track': 'open',
  'On time': 'open',
  'On schedule': 'open',
  'At risk': 'open',
  'Off track': 'open',
  'Action required': 'open',
  Delayed: 'open',
  Late: 'open',
  Behind: 'open',
  'Behind schedule': 'open',
  Overdue: 'open',
  'Past due': 'open',
  Slipped: 'open',
  Blocked: 'open',
  Stuck: 'open',
  'On hold': 'open-not-chased',
  Paused: 'open-not-chased',
  Postponed: 'open-not-chased',
  Deferred: 'open-not-chased',
  Suspended: 'open-not-chased',
  Parked: 'open-not-chased',
  Done: 'closed',
  Complete: 'closed',
  Completed: 'closed',
  'Completed - on time': 'closed',
  'Completed - late': 'closed',
  Finished: 'closed',
  Finalised: 'closed',
  Finalized: 'closed',
  Delivered: 'closed',
  Achieved: 'closed',
  Implemented: 'closed',
  Closed: 'closed',
  Cancelled: 'closed',
  Canceled: 'closed',
  Withdrawn: 'closed',
  Rejected: 'closed',
  Superseded: 'closed',
  'Not required': 'closed',
  'No longer required': 'closed',
};
