/**
 * The visitor inspector: what the hub knows of one visitor and why it gets each running campaign or
 * not, for the people who ask "I am in the segment, why don't I see the campaign?".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Visitor inspector")
package io.audiencehub.inspection;
