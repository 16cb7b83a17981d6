export { openMongoStorage, type MongoStorageOptions } from './openMongoStorage';
