import type { Family } from '../model/typed';
import { actioncable } from './actioncable';
import { customProfile } from './custom';
import { generic } from './generic';
import { graphql } from './graphql';
import { kanban } from './kanban';
import { jsonrpc } from './jsonrpc';
import { llm } from './llm';
import { notifications } from './notifications';
import { officeplane } from './officeplane';
import { opencode } from './opencode';
import { phoenix } from './phoenix';
import { plans } from './plans';
import { signalr } from './signalr';
import { socketio } from './socketio';
import { stomp } from './stomp';
import type { Profile } from './spec';

/** Each family's profile; `custom` here is the empty definition, an endpoint's own comes from `profileFor`. */
export const PROFILES: Record<Family, Profile> = { officeplane, kanban, opencode, plans, notifications, llm, socketio, jsonrpc, graphql, signalr, stomp, phoenix, actioncable, custom: customProfile(undefined), generic };
