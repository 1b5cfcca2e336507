import { Injectable } from '@nestjs/common';

/** Placeholder. */
@Injectable()
export class SmsPushExplorer {}
