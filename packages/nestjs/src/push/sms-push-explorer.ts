import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { PushKind } from '@smskit/core';
import { SMS_PUSH_HANDLER } from './on-sms-push.decorator.js';
import { SmsPushReceiver, type SmsPushHandler } from './sms-push-receiver.js';

/**
 * Finds the methods marked {@link OnSmsReceipts} / {@link OnSmsReplies} on every provider and
 * controller once the modules are initialised, and hands them to the {@link SmsPushReceiver}.
 */
@Injectable()
export class SmsPushExplorer implements OnModuleInit {
  private readonly logger = new Logger('SmsPushExplorer');
  // stateless: reading metadata needs no injected instance
  private readonly reflector = new Reflector();

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(SmsPushReceiver) private readonly receiver: SmsPushReceiver,
  ) {}

  /** Registers every marked method. */
  onModuleInit(): void {
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance: unknown = wrapper.instance;
      if (typeof instance !== 'object' || instance === null) continue;
      const prototype = Object.getPrototypeOf(instance) as object | null;
      if (!prototype) continue;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const kind = this.reflector.get<PushKind | undefined>(SMS_PUSH_HANDLER, method as (...args: unknown[]) => unknown);
        if (kind === undefined) continue;
        if (!wrapper.isDependencyTreeStatic()) {
          // a request-scoped provider has no instance outside a request; a push is not one
          this.logger.warn(`${wrapper.name}.${name} is marked as an SMS push handler but its provider is request-scoped; it is ignored.`);
          continue;
        }
        this.receiver.addHandler({ kind, name: `${String(wrapper.name)}.${name}`, handle: (method as SmsPushHandler['handle']).bind(instance) });
      }
    }
  }
}
