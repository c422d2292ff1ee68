/**
 * The JSON shapes the fake sends: gateway dispatches and REST message objects, with the
 * fields discord.js 14.28 reads (verified against discord.js 14.28.1).
 */
import { PermissionFlagsBits } from 'discord.js';
import type { FakeMessage, MemberInput } from './types.ts';

/** The ids and names of the one guild, channel and bot the fake simulates. */
export interface FakeWorld {
  applicationId: string;
  botUserId: string;
  botUsername: string;
  guildId: string;
  guildName: string;
  channelId: string;
  channelName: string;
  /** Permissions of the @everyone role and of the bot in the channel. */
  everyonePermissions: string;
  appPermissions: string;
}

/** What an ordinary member may do: read, write, embed, attach, react, use commands. No Manage Server. */
export const DEFAULT_MEMBER_PERMISSIONS: string = String(
  PermissionFlagsBits.ViewChannel |
    PermissionFlagsBits.SendMessages |
    PermissionFlagsBits.EmbedLinks |
    PermissionFlagsBits.AttachFiles |
    PermissionFlagsBits.ReadMessageHistory |
    PermissionFlagsBits.AddReactions |
    PermissionFlagsBits.UseApplicationCommands,
);

/** A member who may also manage the server (the usual gate for admin commands). */
export const MANAGER_PERMISSIONS: string = String(BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);

const DEFAULT_USER_ID = '300000000000000001';

function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

function botUser(world: FakeWorld) {
  return { id: world.botUserId, username: world.botUsername, discriminator: '0', global_name: null, avatar: null, bot: true };
}

export function readyPayload(world: FakeWorld, sessionId: string, gatewayUrl: string) {
  return {
    v: 10,
    user: { ...botUser(world), verified: true, flags: 0, mfa_enabled: false },
    guilds: [{ id: world.guildId, unavailable: true }],
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: gatewayUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: 0 },
    private_channels: [],
    presences: [],
    relationships: [],
    _trace: ['fake-discord'],
  };
}

export function guildCreatePayload(world: FakeWorld, now: number) {
  return {
    id: world.guildId,
    name: world.guildName,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: DEFAULT_USER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 1,
    explicit_content_filter: 0,
    mfa_level: 0,
    application_id: null,
    system_channel_id: world.channelId,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    max_members: 500_000,
    max_video_channel_users: 25,
    features: [],
    emojis: [],
    stickers: [],
    joined_at: isoTime(now),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    presences: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    // The @everyone role's id is the guild's id.
    roles: [
      {
        id: world.guildId,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: world.everyonePermissions,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: [channelPayload(world)],
    members: [
      {
        user: botUser(world),
        nick: null,
        avatar: null,
        roles: [],
        joined_at: isoTime(now),
        premium_since: null,
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        communication_disabled_until: null,
      },
    ],
  };
}

function channelPayload(world: FakeWorld) {
  return {
    id: world.channelId,
    type: 0,
    guild_id: world.guildId,
    name: world.channelName,
    position: 0,
    permission_overwrites: [],
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0,
  };
}

/** Builds the `member` object of an interaction, from what a test says about the user. */
export function memberPayload(member: MemberInput = {}, now: number) {
  const id = member.userId ?? DEFAULT_USER_ID;
  return {
    user: {
      id,
      username: member.username ?? 'reader',
      discriminator: '0',
      global_name: null,
      avatar: null,
      public_flags: 0,
    },
    nick: member.nick ?? null,
    avatar: null,
    roles: member.roles ?? [],
    joined_at: isoTime(now),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    permissions: String(member.permissions ?? DEFAULT_MEMBER_PERMISSIONS),
  };
}

/** The fields every INTERACTION_CREATE carries, whatever its type. */
export function interactionEnvelope(
  world: FakeWorld,
  base: { id: string; token: string; type: number; data: unknown; member?: MemberInput; now: number },
) {
  return {
    id: base.id,
    application_id: world.applicationId,
    type: base.type,
    token: base.token,
    version: 1,
    data: base.data,
    guild_id: world.guildId,
    guild: { id: world.guildId, locale: 'en-US', features: [] },
    channel_id: world.channelId,
    channel: { ...channelPayload(world), permissions: base.member?.permissions === undefined ? DEFAULT_MEMBER_PERMISSIONS : String(base.member.permissions) },
    member: memberPayload(base.member, base.now),
    locale: base.member?.locale ?? 'en-US',
    guild_locale: 'en-US',
    app_permissions: world.appPermissions,
    // Without these two discord.js drops the event without a word.
    entitlements: [],
    authorizing_integration_owners: { '0': world.guildId },
    context: 0,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** The REST/gateway form of a message the bot created. */
export function apiMessage(world: FakeWorld, message: FakeMessage, interaction: { id: string; type: number; userId: string }) {
  return {
    id: message.id,
    channel_id: message.channelId,
    guild_id: world.guildId,
    type: message.kind === 'response' && interaction.type === 2 ? 20 : 0,
    author: botUser(world),
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      content_type: a.contentType,
      url: `https://cdn.discordapp.com/attachments/${message.channelId}/${a.id}/${a.filename}`,
      proxy_url: `https://media.discordapp.net/attachments/${message.channelId}/${a.id}/${a.filename}`,
    })),
    flags: message.flags,
    timestamp: isoTime(message.createdAt),
    edited_timestamp: message.editedAt === null ? null : isoTime(message.editedAt),
    tts: false,
    pinned: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    interaction_metadata: {
      id: interaction.id,
      type: interaction.type,
      user: { id: interaction.userId, username: 'reader', discriminator: '0', global_name: null, avatar: null },
      authorizing_integration_owners: { '0': world.guildId },
    },
  };
}
