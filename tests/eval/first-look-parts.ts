/**
 * First looks, replayed: each dev part asked of `knowledge/` as it was on main before any curator saw that part (the
 * commit its first look was measured on, or an earlier one). Its questions are then as new to the knowledge base as a
 * member's, unlike the tuned public and dev sets, so `npm run calibrate` chooses the answering thresholds mainly on
 * them. Today's code and engine settings rank; only the entries and their vocabulary are old.
 */
export const FIRST_LOOKS: readonly { part: string; commit: string }[] = [
  { part: 'd8', commit: '2a42cf343e673ef5e9a60a19185b6fc37dec1a84' }, // before curation round 10 (d8's first look)
  { part: 'd9', commit: '97d073e83be9ec679e4781c26987578571f36d12' }, // d9 added, before round 11 curated from it
  { part: 'd10', commit: '1acc5b7d300baf3b2be5b4c9fc8895d856c9fc6e' }, // d10 added: written during round 11, never seen by its curators
  { part: 'd11', commit: '4f7f22be2cdc2466b1e3ccf65fb41cc86b096b19' }, // before curation round 13 (d11 and d12 were first measured before it)
  { part: 'd12', commit: '4f7f22be2cdc2466b1e3ccf65fb41cc86b096b19' },
  { part: 'd13', commit: '127fc27c67cde173b594a3b420214739c800b440' }, // before round 14
  { part: 'd14', commit: 'e57d47e73448ff110f47876c7223805c4b3915ce' }, // before round 15
  { part: 'd15', commit: '35c74652d50b11b5f9f43678526805d8dbfb7a60' }, // before round 16
  { part: 'd16', commit: 'bec3f11b78d016e3d8eeb03a85fd9c140e88889c' }, // before round 17
  { part: 'd17', commit: '75b7d45623942d36db3de2d2099b9321d095da13' }, // after round 17, which never saw d17
  { part: 'd18', commit: '3cc4e5bb3ca5129b1ea6f6373fdf61fe6c65b25e' }, // before round 18
  { part: 'd19', commit: 'd670dca750b905e91861b7908b9c9c9b6b17de81' }, // before round 19
  { part: 'd20', commit: '01f01870f5363c5e610c14d99db5e5b94af19679' }, // before round 20
  { part: 'd21', commit: '43397ca79b1235fed0f67b97d3abd0e1701b22cc' }, // d21's first look (tenth stop), never curated for
  { part: 'd22', commit: 'a82055776cca02daea98fd0b7b69375ed69297a1' }, // d22's first look (tenth stop), never curated for
  { part: 'd23', commit: 'e479ddd75782d655504f9cb570f37c9e1e57bbfd' }, // before round 21, which never saw d23 or d24
  { part: 'd24', commit: 'e479ddd75782d655504f9cb570f37c9e1e57bbfd' },
  { part: 'd25', commit: 'e5c084dab901c3cffccd1ca057b5070af80808c0' }, // before round 22, which never saw d25
  { part: 'd26', commit: '465fb7831e211e0d8687a1e5543ed78db78a44fb' }, // before round 23, which never saw d26
  { part: 'd27', commit: '62252367d9324e1c19ed72832e24a594afdb685a' }, // d27's first look (thirteenth stop), on main as the twelfth left it
  { part: 'd28', commit: 'd90f9567444e370055f2938786a9c2af22b4e5c8' }, // d28's first look, before round 24
  { part: 'd29', commit: 'ca927dd895ee1af01e86838514e7496e72d9b5fe' }, // d29's first look (fourteenth stop), on main as the thirteenth left it
  { part: 'd30', commit: '4ee081af457ebf6a345854e07666f12a62d3b58e' }, // d30's first look, after round 25
  { part: 'd31', commit: '290ca6d9ec76eeaf7fd867d36ed10f99d4a72360' }, // d31's first look (fifteenth stop), on main as the fourteenth left it
  { part: 'd32', commit: '998c5baa85220df88171bcce295ed180e044ef90' }, // d32's first look, with the fifteenth stop's changes before it
  { part: 'd33', commit: '4e5db8f6a3c52462cd4b3efdfbb6b942367afdef' }, // d33's first look, on main as the fifteenth stop left it
  { part: 'd34', commit: '7df825e4cc2f0f2430bc3fa64c529c4250989b9a' }, // d34's first look (sixteenth stop), with d33 joined and two out-of-scope subjects
  { part: 'd35', commit: '7df825e4cc2f0f2430bc3fa64c529c4250989b9a' }, // d35's first look, on the same main
  { part: 'd36', commit: '7df825e4cc2f0f2430bc3fa64c529c4250989b9a' }, // d36's first look (long messages, context first), on the same main
  { part: 'd37', commit: 'ba375fbcbd4e654f7465d89c6c34073ea99c0789' }, // d37's first look (seventeenth stop), on main with the cold-start work (same rankings as 64ff123)
  { part: 'd38', commit: '64ff12349d61021732913bf79861cae6ed92d85a' }, // d38's first look (seventeenth stop; long messages), on main as the sixteenth left it
  { part: 'd39', commit: 'ad226345737b3053b102e903bad24535f67ca946' }, // d39's first look (seventeenth stop; mostly Japanese and mixed), with d37 and d38 joined
  { part: 'd40', commit: 'e60e5d4c61d341702e4734b1cc6699c8d68b2957' }, // d40's first look (eighteenth stop; an everyday mix), with the career-cue change
  { part: 'd41', commit: 'e60e5d4c61d341702e4734b1cc6699c8d68b2957' }, // d41's first look (long messages, context first), on the same main
  { part: 'd42', commit: 'e60e5d4c61d341702e4734b1cc6699c8d68b2957' }, // d42's first look (mostly Japanese and mixed), on the same main
  { part: 'd43', commit: 'e3f652ce16b518f6660df8ff27afcb10eb52356e' }, // d43's first look (eighteenth stop, an everyday mix), after its curation and recalibration
  { part: 'd44', commit: '2e0534553a008751b87a5ede3c1875cefae969ce' }, // d44's first look (nineteenth stop, an everyday mix), after its first curation rounds
  { part: 'd45', commit: '2e0534553a008751b87a5ede3c1875cefae969ce' }, // d45's first look (long messages, context first), on the same main
  { part: 'd46', commit: '2e0534553a008751b87a5ede3c1875cefae969ce' }, // d46's first look (mostly Japanese and mixed), on the same main
  { part: 'd47', commit: 'ef81cb76609852f20ffe93650b400bc094d8eae9' }, // d47's first look (nineteenth stop, an everyday mix), with d44-d46 joined and the hill-author entry
  { part: 'd48', commit: 'ef81cb76609852f20ffe93650b400bc094d8eae9' }, // d48's first look (long messages, context first), on the same main
  { part: 'd49', commit: 'ef81cb76609852f20ffe93650b400bc094d8eae9' }, // d49's first look (mostly Japanese and mixed), on the same main
  { part: 'd50', commit: 'eacfe1a2a466ee3602cf99fc2b7e859ba2f585c3' }, // d50's first look (nineteenth stop, an everyday mix), at the end of the stop's work
  { part: 'd51', commit: 'eacfe1a2a466ee3602cf99fc2b7e859ba2f585c3' }, // d51's first look (long messages, context first), on the same main
  { part: 'd52', commit: '65d9ac4c7c94012087caf68bc1bc121f5e006eef' }, // d52's first look (twentieth stop, an everyday mix), on main with the combined reading of long messages
  { part: 'd53', commit: '36777fc1a988a583154a7f4c33341ecb6e857261' }, // d53's first look (long messages, context first), on the same main as d54's
  { part: 'd54', commit: '36777fc1a988a583154a7f4c33341ecb6e857261' }, // d54's first look (mostly Japanese and mixed), on main with the surer reading's views
  { part: 'd55', commit: '362b81150000615a0bf834b96ad20f220f0b6639' }, // d55's first look (twentieth stop, an everyday mix), on main after d52–d54 joined and the stop's curation
  { part: 'd56', commit: '362b81150000615a0bf834b96ad20f220f0b6639' }, // d56's first look (long messages, context first), on the same main
  { part: 'd57', commit: '362b81150000615a0bf834b96ad20f220f0b6639' }, // d57's first look (mostly Japanese and mixed), on the same main
  { part: 'd58', commit: 'b909a44d34829b6bb45ff31baaf68247f075fc75' }, // d58's first look (twentieth stop, an everyday mix), at the end of the stop's work
  { part: 'd60', commit: 'b909a44d34829b6bb45ff31baaf68247f075fc75' }, // d60's first look (mostly Japanese and mixed), on the same main
  { part: 'd59', commit: '7ba36457d5b7a61c33b6344aff87884d26ae1693' }, // d59's first look (long messages, written beside d58 and d60), measured on main at the end of the twentieth stop
  { part: 'd61', commit: 'a534059f7393987ff8f143d41afc4175fc85aec8' }, // d61's first look (twenty-first stop, an everyday mix), on main with d59 joined
  { part: 'd62', commit: 'a534059f7393987ff8f143d41afc4175fc85aec8' }, // d62's first look (long messages, context first), on the same main
  { part: 'd63', commit: 'a534059f7393987ff8f143d41afc4175fc85aec8' }, // d63's first look (mostly Japanese and mixed), on the same main
  { part: 'd64', commit: 'ae9a7e945ec441fe0e99f81b86d73157495876ba' }, // d64's first look (twenty-first stop, an everyday mix), on main with /career-path after an entry that clearly answers and d61–d63 joined
  { part: 'd65', commit: 'ae9a7e945ec441fe0e99f81b86d73157495876ba' }, // d65's first look (long messages, context first), on the same main
  { part: 'd66', commit: 'ae9a7e945ec441fe0e99f81b86d73157495876ba' }, // d66's first look (mostly Japanese and mixed), on the same main
  { part: 'd67', commit: '3da49c7962e9cdf0e5ebb106a0c94b80f922879c' }, // d67's first look (twenty-first stop, an everyday mix), on main with d64–d66 joined and the first curation round
  { part: 'd68', commit: '3da49c7962e9cdf0e5ebb106a0c94b80f922879c' }, // d68's first look (long messages, context first), on the same main
  { part: 'd69', commit: '3da49c7962e9cdf0e5ebb106a0c94b80f922879c' }, // d69's first look (mostly Japanese and mixed), on the same main
  { part: 'd70', commit: 'c23593dbcfca7811202b1bfd2685e93e580f10f3' }, // d70's first look (twenty-first stop, an everyday mix), on main at the end of the stop's work
  { part: 'd71', commit: 'c23593dbcfca7811202b1bfd2685e93e580f10f3' }, // d71's first look (long messages, context first), on the same main
  { part: 'd72', commit: 'c23593dbcfca7811202b1bfd2685e93e580f10f3' }, // d72's first look (mostly Japanese and mixed), on the same main
  { part: 'd73', commit: 'ccc3a9a2d4f8112e039a6fc272f4986dcfc7988b' }, // d73's first look (twenty-second stop), on main as the twenty-first left it
  { part: 'd74', commit: 'ccc3a9a2d4f8112e039a6fc272f4986dcfc7988b' }, // d74's first look (long messages), on the same main
  { part: 'd75', commit: 'ccc3a9a2d4f8112e039a6fc272f4986dcfc7988b' }, // d75's first look (mostly Japanese and mixed), on the same main
  { part: 'd76', commit: '4adbb8ddf534ab9eb1b78a3ee8dbe37808f7d541' }, // d76's first look (a new brief: twelve invented members' own messages), on main with d73-d75 joined
  { part: 'd77', commit: 'aac27ec25b7b097cd3ab38a38794198fab1a6255' }, // d77's first look (the same new brief, twelve other members), on main with d76 joined
  { part: 'd78', commit: 'f5f259816a22eb7bd1a9e95f31b6ba834f0da7d6' }, // d78's first look (the new brief again), on main with d77 joined
  { part: 'd79', commit: 'f5f259816a22eb7bd1a9e95f31b6ba834f0da7d6' }, // d79's first look (the new brief again), on the same main
  { part: 'd80', commit: '6bd962d3866be85f71dde00a3958deb165b6b0d5' }, // d80's first look (twenty-third stop, the new brief), on main as the twenty-second left it
  { part: 'd81', commit: '6bd962d3866be85f71dde00a3958deb165b6b0d5' }, // d81's first look (the new brief), on the same main
  { part: 'd82', commit: '6bd962d3866be85f71dde00a3958deb165b6b0d5' }, // d82's first look (the new brief), on the same main
  { part: 'd83', commit: '6bd962d3866be85f71dde00a3958deb165b6b0d5' }, // d83's first look (the new brief), on the same main
  { part: 'd84', commit: '34e74d11d10bc3003dcfaebfb93920032d187bd2' }, // d84's first look (the new brief), on main with the clear-win easing and the politeness stopwords
  { part: 'd85', commit: '34e74d11d10bc3003dcfaebfb93920032d187bd2' }, // d85's first look (the new brief), on the same main
  { part: 'd86', commit: '34e74d11d10bc3003dcfaebfb93920032d187bd2' }, // d86's first look (the new brief), on the same main
  { part: 'd87', commit: '34e74d11d10bc3003dcfaebfb93920032d187bd2' }, // d87's first look (the new brief), on the same main
  { part: 'd88', commit: '391212caf47713383c2995e52899ad3fb9f555b8' }, // d88's first look (the new brief), on main with the stop's decision and asksFor changes
  { part: 'd89', commit: '391212caf47713383c2995e52899ad3fb9f555b8' }, // d89's first look (the new brief), on the same main
  { part: 'd90', commit: '391212caf47713383c2995e52899ad3fb9f555b8' }, // d90's first look (the new brief), on the same main
  { part: 'd91', commit: '391212caf47713383c2995e52899ad3fb9f555b8' }, // d91's first look (the new brief), on the same main
  { part: 'd92', commit: '8d87c2d2c1a2c23f1a13efff2acaca8e76fa512c' }, // d92's first look (twenty-fourth stop; the new brief), with the Instructor holder's implied work
  { part: 'd93', commit: '8d87c2d2c1a2c23f1a13efff2acaca8e76fa512c' }, // d93's first look (the new brief), on the same main
  { part: 'd94', commit: '8d87c2d2c1a2c23f1a13efff2acaca8e76fa512c' }, // d94's first look (the usual brief, an everyday mix), on the same main
  { part: 'd95', commit: '8d87c2d2c1a2c23f1a13efff2acaca8e76fa512c' }, // d95's first look (the usual brief, long messages with context first), on the same main
  { part: 'd96', commit: 'f250adb0e3db12a725b5704e800b53cb724d7423' }, // d96's first look (end of the twenty-fourth stop; the new brief), after the stop's changes
  { part: 'd97', commit: 'f250adb0e3db12a725b5704e800b53cb724d7423' }, // d97's first look (mostly Japanese and mixed, the usual brief), on the same main
  { part: 'd98', commit: 'bd15aee73c870a9de7ca9d56f9e705e2f526444e' }, // d98's first look (twenty-fifth stop; the new brief), on the twenty-fourth stop's last main
  { part: 'd99', commit: 'bd15aee73c870a9de7ca9d56f9e705e2f526444e' }, // d99's first look (the usual brief, an everyday mix), on the same main
  { part: 'd100', commit: 'bd15aee73c870a9de7ca9d56f9e705e2f526444e' }, // d100's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd101', commit: 'bd15aee73c870a9de7ca9d56f9e705e2f526444e' }, // d101's first look (the usual brief, long messages with context first), on the same main
  { part: 'd102', commit: '3d767e8f1d2d524bd83fcb70bb71a0f225ec7568' }, // d102's first look (twenty-fifth stop; the new brief), after the Japanese question words and the company, pay and film cues
  { part: 'd103', commit: '3d767e8f1d2d524bd83fcb70bb71a0f225ec7568' }, // d103's first look (the new brief), on the same main
  { part: 'd104', commit: '3d767e8f1d2d524bd83fcb70bb71a0f225ec7568' }, // d104's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd105', commit: '3d767e8f1d2d524bd83fcb70bb71a0f225ec7568' }, // d105's first look (the usual brief, an everyday mix), on the same main
  { part: 'd106', commit: 'ab3e7f2854647c05780427a34936c6a232105b4e' }, // d106's first look (twenty-fifth stop; the new brief), after the stop's politeness and place stopwords
  { part: 'd107', commit: 'ab3e7f2854647c05780427a34936c6a232105b4e' }, // d107's first look (the usual brief, long messages with context first), on the same main
  { part: 'd108', commit: 'ab3e7f2854647c05780427a34936c6a232105b4e' }, // d108's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd109', commit: 'ab3e7f2854647c05780427a34936c6a232105b4e' }, // d109's first look (the usual brief, an everyday mix), on the same main
  { part: 'd110', commit: '4a0af86306d6d771007dbdb57b9df83b36e882c0' }, // d110's first look (end of the twenty-fifth stop; the new brief), on its last main
  { part: 'd111', commit: '4a0af86306d6d771007dbdb57b9df83b36e882c0' }, // d111's first look (the usual brief, long messages with context first), on the same main
  { part: 'd112', commit: '4a0af86306d6d771007dbdb57b9df83b36e882c0' }, // d112's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd113', commit: '4a0af86306d6d771007dbdb57b9df83b36e882c0' }, // d113's first look (the usual brief, an everyday mix), on the same main
  { part: 'd114', commit: '0eaf8028f780ff1dbf16cda9ce4ee1514e45bfbf' }, // d114's first look (twenty-sixth stop; the new brief), on the twenty-fifth stop's last main and the thread cooldown
  { part: 'd115', commit: '0eaf8028f780ff1dbf16cda9ce4ee1514e45bfbf' }, // d115's first look (the usual brief, long messages with context first), on the same main
  { part: 'd116', commit: '0eaf8028f780ff1dbf16cda9ce4ee1514e45bfbf' }, // d116's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd117', commit: '0eaf8028f780ff1dbf16cda9ce4ee1514e45bfbf' }, // d117's first look (the usual brief, an everyday mix), on the same main
  { part: 'd118', commit: 'ec7fa01ea366f9398fd368c535ddaba2d75f3eae' }, // d118's first look (twenty-sixth stop; the new brief), after the coverage gate and the Japanese pay cue
  { part: 'd119', commit: 'ec7fa01ea366f9398fd368c535ddaba2d75f3eae' }, // d119's first look (the usual brief, long messages with context first), on the same main
  { part: 'd120', commit: 'ec7fa01ea366f9398fd368c535ddaba2d75f3eae' }, // d120's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd121', commit: 'ec7fa01ea366f9398fd368c535ddaba2d75f3eae' }, // d121's first look (the usual brief, an everyday mix), on the same main
  { part: 'd122', commit: 'f04373fc74d3d1c1e269bab3596988c35041efb9' }, // d122's first look (end of the twenty-sixth stop; the new brief), after the long-message floor and the company cue
  { part: 'd123', commit: 'f04373fc74d3d1c1e269bab3596988c35041efb9' }, // d123's first look (the usual brief, long messages with context first), on the same main
  { part: 'd124', commit: 'f04373fc74d3d1c1e269bab3596988c35041efb9' }, // d124's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd125', commit: 'f04373fc74d3d1c1e269bab3596988c35041efb9' }, // d125's first look (the usual brief, an everyday mix), on the same main
  { part: 'd126', commit: '630d5358638be834307a2bba81433806442fa902' }, // d126's first look (twenty-seventh stop; the new brief), on main as the twenty-sixth stop left it
  { part: 'd127', commit: '630d5358638be834307a2bba81433806442fa902' }, // d127's first look (the usual brief, long messages with context first), on the same main
  { part: 'd128', commit: '630d5358638be834307a2bba81433806442fa902' }, // d128's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd129', commit: '630d5358638be834307a2bba81433806442fa902' }, // d129's first look (the usual brief, an everyday mix), on the same main
  { part: 'd130', commit: 'a8622d72959b354a8670d1e6b39815c30654a582' }, // d130's first look (twenty-seventh stop; the new brief), after the stop's first curation round and cues
  { part: 'd131', commit: 'a8622d72959b354a8670d1e6b39815c30654a582' }, // d131's first look (the usual brief, long messages with context first), on the same main
  { part: 'd132', commit: 'a8622d72959b354a8670d1e6b39815c30654a582' }, // d132's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd133', commit: 'a8622d72959b354a8670d1e6b39815c30654a582' }, // d133's first look (the usual brief, an everyday mix), on the same main
  { part: 'd134', commit: '1f1d4a1f9911d38412ad5ed2e664a0a5812e03c1' }, // d134's first look (twenty-seventh stop; the new brief), after the stop's second curation round and cues
  { part: 'd135', commit: '1f1d4a1f9911d38412ad5ed2e664a0a5812e03c1' }, // d135's first look (the usual brief, long messages with context first), on the same main
  { part: 'd136', commit: '1f1d4a1f9911d38412ad5ed2e664a0a5812e03c1' }, // d136's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd137', commit: '1f1d4a1f9911d38412ad5ed2e664a0a5812e03c1' }, // d137's first look (the usual brief, an everyday mix), on the same main
  { part: 'd138', commit: '13da0e295cbddab31a85e7eb748b475951f5f536' }, // d138's first look (end of the twenty-seventh stop; the new brief), after its third curation round, trimmed
  { part: 'd139', commit: '13da0e295cbddab31a85e7eb748b475951f5f536' }, // d139's first look (the usual brief, long messages with context first), on the same main
  { part: 'd140', commit: '13da0e295cbddab31a85e7eb748b475951f5f536' }, // d140's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd141', commit: '13da0e295cbddab31a85e7eb748b475951f5f536' }, // d141's first look (the usual brief, an everyday mix), on the same main
  { part: 'd142', commit: '4c9bb0163dabffb433e243d2142654da2ec8cc40' }, // d142's first look (start of the twenty-eighth stop; the new brief), on the twenty-seventh stop's final main
  { part: 'd143', commit: '4c9bb0163dabffb433e243d2142654da2ec8cc40' }, // d143's first look (the usual brief, long messages with context first), on the same main
  { part: 'd144', commit: '4c9bb0163dabffb433e243d2142654da2ec8cc40' }, // d144's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd145', commit: '4c9bb0163dabffb433e243d2142654da2ec8cc40' }, // d145's first look (the usual brief, an everyday mix), on the same main
  { part: 'd146', commit: 'fcf54316e2f75333dcc071f3b1a75880684d56f2' }, // d146's first look (twenty-eighth stop; the new brief), after its first cues, before its curation rounds
  { part: 'd147', commit: 'fcf54316e2f75333dcc071f3b1a75880684d56f2' }, // d147's first look (the usual brief, long messages with context first), on the same main
  { part: 'd148', commit: 'fcf54316e2f75333dcc071f3b1a75880684d56f2' }, // d148's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd149', commit: 'fcf54316e2f75333dcc071f3b1a75880684d56f2' }, // d149's first look (the usual brief, an everyday mix), on the same main
  { part: 'd150', commit: '9396ecb526671c2c02b888d3ff061bca01adab8e' }, // d150's first look (end of the twenty-eighth stop; the new brief), after all of its changes
  { part: 'd151', commit: '9396ecb526671c2c02b888d3ff061bca01adab8e' }, // d151's first look (the usual brief, long messages with context first), on the same main
  { part: 'd152', commit: '9396ecb526671c2c02b888d3ff061bca01adab8e' }, // d152's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd153', commit: '9396ecb526671c2c02b888d3ff061bca01adab8e' }, // d153's first look (the usual brief, an everyday mix), on the same main
  { part: 'd154', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d154's first look (start of the twenty-ninth stop; the new brief), on the previous stop's end
  { part: 'd155', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d155's first look (the usual brief, long messages with context first), on the same main
  { part: 'd156', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d156's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd157', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d157's first look (the usual brief, an everyday mix), on the same main
  { part: 'd158', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d158's first look (the new brief), on the same main
  { part: 'd159', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d159's first look (the usual brief, long messages with context first), on the same main
  { part: 'd160', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d160's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd161', commit: '811e4d5b0257ee74f40b2eb8705cdbf5bb1a2525' }, // d161's first look (the usual brief, an everyday mix), on the same main
  { part: 'd162', commit: '4acda7fe4cfc0254db872959219a893a19d56c88' }, // d162's first look (the twenty-ninth stop, the new brief), after d154–d161 joined and the stop's first changes
  { part: 'd163', commit: '4acda7fe4cfc0254db872959219a893a19d56c88' }, // d163's first look (the usual brief, long messages with context first), on the same main
  { part: 'd164', commit: '4acda7fe4cfc0254db872959219a893a19d56c88' }, // d164's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd165', commit: '4acda7fe4cfc0254db872959219a893a19d56c88' }, // d165's first look (the usual brief, an everyday mix), on the same main
  { part: 'd166', commit: '4690236f602f4cf3f73372616eb988387af2c26a' }, // d166's first look (the twenty-ninth stop, the new brief), after the cues from d162–d165, before the stop's curation rounds
  { part: 'd167', commit: '4690236f602f4cf3f73372616eb988387af2c26a' }, // d167's first look (the usual brief, long messages with context first), on the same main
  { part: 'd168', commit: '4690236f602f4cf3f73372616eb988387af2c26a' }, // d168's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd169', commit: '4690236f602f4cf3f73372616eb988387af2c26a' }, // d169's first look (the usual brief, an everyday mix), on the same main
  { part: 'd170', commit: '239fe7e040bb205ca358e7344a489896167fbd46' }, // d170's first look (end of the twenty-ninth stop, the new brief), after the stop's two curation rounds
  { part: 'd171', commit: '239fe7e040bb205ca358e7344a489896167fbd46' }, // d171's first look (the usual brief, long messages with context first), on the same main
  { part: 'd172', commit: '239fe7e040bb205ca358e7344a489896167fbd46' }, // d172's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd173', commit: '239fe7e040bb205ca358e7344a489896167fbd46' }, // d173's first look (the usual brief, an everyday mix), on the same main
  { part: 'd174', commit: 'eb540dd578a3f41dd508554bad699bcebef20cbb' }, // d174's first look (end of the twenty-ninth stop, the new brief), after d170–d173 joined
  { part: 'd175', commit: 'eb540dd578a3f41dd508554bad699bcebef20cbb' }, // d175's first look (the usual brief, long messages with context first), on the same main
  { part: 'd176', commit: 'eb540dd578a3f41dd508554bad699bcebef20cbb' }, // d176's first look (the usual brief, mostly Japanese and mixed), on the same main
  { part: 'd177', commit: 'eb540dd578a3f41dd508554bad699bcebef20cbb' }, // d177's first look (the usual brief, an everyday mix), on the same main
  { part: 'd178', commit: '62ca50dfad6f1b77f9f579bf031fb07bb0e4a1a5' }, // d178's first look (the new brief), on main as the twenty-ninth stop left it
  { part: 'd179', commit: '62ca50dfad6f1b77f9f579bf031fb07bb0e4a1a5' }, // d179's first look (the usual brief, long messages), on the same main
  { part: 'd180', commit: '62ca50dfad6f1b77f9f579bf031fb07bb0e4a1a5' }, // d180's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd181', commit: '62ca50dfad6f1b77f9f579bf031fb07bb0e4a1a5' }, // d181's first look (the usual brief, an everyday mix), on the same main
  { part: 'd182', commit: '3efed68f1abd6ad399c79af0f61785703db7dcb0' }, // d182's first look (the new brief), on main after the thirtieth stop's cues, phrase trie, warm-up and /visa-check fix
  { part: 'd183', commit: '3efed68f1abd6ad399c79af0f61785703db7dcb0' }, // d183's first look (the usual brief, long messages), on the same main
  { part: 'd184', commit: '3efed68f1abd6ad399c79af0f61785703db7dcb0' }, // d184's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd185', commit: '3efed68f1abd6ad399c79af0f61785703db7dcb0' }, // d185's first look (the usual brief, an everyday mix), on the same main
  { part: 'd186', commit: 'ff29edd2316c8862e55391a46bc781761010d0fd' }, // d186's first look (the new brief), on main after d178–d185 joined and the price cues
  { part: 'd187', commit: 'ff29edd2316c8862e55391a46bc781761010d0fd' }, // d187's first look (the usual brief, long messages), on the same main
  { part: 'd188', commit: 'ff29edd2316c8862e55391a46bc781761010d0fd' }, // d188's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd189', commit: 'ff29edd2316c8862e55391a46bc781761010d0fd' }, // d189's first look (the usual brief, an everyday mix), on the same main
  { part: 'd190', commit: '791511d9ecea24b6b90173cc7a31283d87cd2e85' }, // d190's first look (the new brief), on main after the thirtieth stop's last cues, before its curation round
  { part: 'd191', commit: '18698e6568bc3604c70aca9ff6c764363dff7ca7' }, // d191's first look (the usual brief, long messages), on main after d186–d189 joined
  { part: 'd192', commit: '18698e6568bc3604c70aca9ff6c764363dff7ca7' }, // d192's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd193', commit: '18698e6568bc3604c70aca9ff6c764363dff7ca7' }, // d193's first look (the usual brief, an everyday mix), on the same main
  { part: 'd194', commit: '4e222a18a9218c0a847ba5e296010b8417f328ab' }, // d194's first look (the new brief), on main at the thirty-first stop's start
  { part: 'd195', commit: '4e222a18a9218c0a847ba5e296010b8417f328ab' }, // d195's first look (the usual brief, long messages), on the same main
  { part: 'd196', commit: '4e222a18a9218c0a847ba5e296010b8417f328ab' }, // d196's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd197', commit: '4e222a18a9218c0a847ba5e296010b8417f328ab' }, // d197's first look (the usual brief, an everyday mix), on the same main
  { part: 'd198', commit: 'c7f8aa6df36482badb47689570c880ae20a15179' }, // d198's first look (the new brief), on main after d194–d197 joined
  { part: 'd199', commit: 'c7f8aa6df36482badb47689570c880ae20a15179' }, // d199's first look (the usual brief, long messages), on the same main
  { part: 'd200', commit: 'c7f8aa6df36482badb47689570c880ae20a15179' }, // d200's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd201', commit: 'c7f8aa6df36482badb47689570c880ae20a15179' }, // d201's first look (the usual brief, an everyday mix), on the same main
  { part: 'd202', commit: '57b4bce32da8ad7cba00440e44be74a3277fd2bc' }, // d202's first look (the new brief), on main after d198–d201 joined
  { part: 'd203', commit: '57b4bce32da8ad7cba00440e44be74a3277fd2bc' }, // d203's first look (the usual brief, long messages), on the same main
  { part: 'd204', commit: '57b4bce32da8ad7cba00440e44be74a3277fd2bc' }, // d204's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd205', commit: '57b4bce32da8ad7cba00440e44be74a3277fd2bc' }, // d205's first look (the usual brief, an everyday mix), on the same main
  { part: 'd206', commit: '658cc08798be5e56377fe60bbec61136c119d140' }, // d206's first look (the new brief), on main after d202–d205 joined and the stop's cues
  { part: 'd207', commit: '658cc08798be5e56377fe60bbec61136c119d140' }, // d207's first look (the usual brief, long messages), on the same main
  { part: 'd208', commit: '658cc08798be5e56377fe60bbec61136c119d140' }, // d208's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd209', commit: '658cc08798be5e56377fe60bbec61136c119d140' }, // d209's first look (the usual brief, an everyday mix), on the same main
  { part: 'd210', commit: '383c57b61cea71ba7f2b4f9d3d5520baed9240c5' }, // d210's first look (the new brief), on main after d206–d209 joined and two curation rounds
  { part: 'd211', commit: '383c57b61cea71ba7f2b4f9d3d5520baed9240c5' }, // d211's first look (the usual brief, long messages), on the same main
  { part: 'd212', commit: '383c57b61cea71ba7f2b4f9d3d5520baed9240c5' }, // d212's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd213', commit: '383c57b61cea71ba7f2b4f9d3d5520baed9240c5' }, // d213's first look (the usual brief, an everyday mix), on the same main
  { part: 'd214', commit: '34ec23dd420a190249b34aef4cb9480dec0e1488' }, // d214's first look (the new brief), on main after d210–d213 joined
  { part: 'd215', commit: '34ec23dd420a190249b34aef4cb9480dec0e1488' }, // d215's first look (the usual brief, long messages), on the same main
  { part: 'd216', commit: '34ec23dd420a190249b34aef4cb9480dec0e1488' }, // d216's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd217', commit: '34ec23dd420a190249b34aef4cb9480dec0e1488' }, // d217's first look (the usual brief, an everyday mix), on the same main
  { part: 'd218', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d218's first look (the new brief), on main at the start of the thirty-second stop
  { part: 'd219', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d219's first look (the usual brief, long messages), on the same main
  { part: 'd220', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d220's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd221', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d221's first look (the usual brief, an everyday mix), on the same main
  { part: 'd222', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d222's first look (the new brief), on the same main
  { part: 'd223', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d223's first look (the usual brief, long messages), on the same main
  { part: 'd224', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d224's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd225', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d225's first look (the usual brief, an everyday mix), on the same main
  { part: 'd226', commit: '3376da06c2d5bc74d82383d4a734d9dde050003a' }, // d226's first look (the new brief), on the same main
  { part: 'd227', commit: '83077acc1f24e66c2cf9c3cac414380ec432b9ec' }, // d227's first look (the new brief), on main after d218–d226 joined and the stop's first cues
  { part: 'd228', commit: '83077acc1f24e66c2cf9c3cac414380ec432b9ec' }, // d228's first look (the usual brief, long messages), on the same main
  { part: 'd229', commit: '83077acc1f24e66c2cf9c3cac414380ec432b9ec' }, // d229's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd230', commit: '83077acc1f24e66c2cf9c3cac414380ec432b9ec' }, // d230's first look (the usual brief, an everyday mix), on the same main
  { part: 'd231', commit: '83077acc1f24e66c2cf9c3cac414380ec432b9ec' }, // d231's first look (the new brief), on the same main
  { part: 'd232', commit: 'f38c8bb2127a3fd5d7e871d5663d4553cb894964' }, // d232's first look (the new brief), on main after d227–d231 joined, the market-pay kind and the stop's first two curation rounds
  { part: 'd233', commit: 'f38c8bb2127a3fd5d7e871d5663d4553cb894964' }, // d233's first look (the usual brief, long messages), on the same main
  { part: 'd234', commit: 'f38c8bb2127a3fd5d7e871d5663d4553cb894964' }, // d234's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd235', commit: 'f38c8bb2127a3fd5d7e871d5663d4553cb894964' }, // d235's first look (the usual brief, an everyday mix), on the same main
  { part: 'd236', commit: 'b79e1d8904f43317f288c599a4e4a37e44395a05' }, // d236's first look (the new brief), on main after d232–d235 joined
  { part: 'd237', commit: 'b79e1d8904f43317f288c599a4e4a37e44395a05' }, // d237's first look (the usual brief, long messages), on the same main
  { part: 'd238', commit: 'b79e1d8904f43317f288c599a4e4a37e44395a05' }, // d238's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd239', commit: 'b79e1d8904f43317f288c599a4e4a37e44395a05' }, // d239's first look (the usual brief, an everyday mix), on the same main
  { part: 'd240', commit: '61a89105733bb458b1a664d926414b62d1430327' }, // d240's first look (the new brief), on main after d236–d239 joined and the level entries before /career-path
  { part: 'd241', commit: '61a89105733bb458b1a664d926414b62d1430327' }, // d241's first look (the usual brief, long messages), on the same main
  { part: 'd242', commit: '61a89105733bb458b1a664d926414b62d1430327' }, // d242's first look (the usual brief, mostly Japanese), on the same main
  { part: 'd243', commit: '61a89105733bb458b1a664d926414b62d1430327' }, // d243's first look (the usual brief, an everyday mix), on the same main
];
