export * from './taxonomy';
export * from './contract';
export * from './slug';
export * from './dates';
export * from './blocks';
export * from './signature';
export * from './participation';
export * from './undelivered';
